# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(800, 600)
        self.pageLayout = QVBoxLayout(SettingsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.dataGroup = QGroupBox(SettingsPage)
        self.dataGroup.setObjectName(u"dataGroup")
        self.dataLayout = QFormLayout(self.dataGroup)
        self.dataLayout.setObjectName(u"dataLayout")
        self.locationLabel = QLabel(self.dataGroup)
        self.locationLabel.setObjectName(u"locationLabel")

        self.dataLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationValue = QLabel(self.dataGroup)
        self.locationValue.setObjectName(u"locationValue")
        self.locationValue.setWordWrap(True)
        self.locationValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dataLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.locationValue)

        self.backendLabel = QLabel(self.dataGroup)
        self.backendLabel.setObjectName(u"backendLabel")

        self.dataLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.backendLabel)

        self.backendValue = QLabel(self.dataGroup)
        self.backendValue.setObjectName(u"backendValue")

        self.dataLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.backendValue)

        self.revisionLabel = QLabel(self.dataGroup)
        self.revisionLabel.setObjectName(u"revisionLabel")

        self.dataLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.revisionLabel)

        self.revisionValue = QLabel(self.dataGroup)
        self.revisionValue.setObjectName(u"revisionValue")

        self.dataLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.revisionValue)

        self.contentsLabel = QLabel(self.dataGroup)
        self.contentsLabel.setObjectName(u"contentsLabel")

        self.dataLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.contentsLabel)

        self.contentsValue = QLabel(self.dataGroup)
        self.contentsValue.setObjectName(u"contentsValue")

        self.dataLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.contentsValue)

        self.logLabel = QLabel(self.dataGroup)
        self.logLabel.setObjectName(u"logLabel")

        self.dataLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.logLabel)

        self.logValue = QLabel(self.dataGroup)
        self.logValue.setObjectName(u"logValue")
        self.logValue.setWordWrap(True)
        self.logValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dataLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.logValue)


        self.pageLayout.addWidget(self.dataGroup)

        self.safetyGroup = QGroupBox(SettingsPage)
        self.safetyGroup.setObjectName(u"safetyGroup")
        self.safetyLayout = QVBoxLayout(self.safetyGroup)
        self.safetyLayout.setObjectName(u"safetyLayout")
        self.backupFolderValue = QLabel(self.safetyGroup)
        self.backupFolderValue.setObjectName(u"backupFolderValue")
        self.backupFolderValue.setWordWrap(True)
        self.backupFolderValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.safetyLayout.addWidget(self.backupFolderValue)

        self.safetyButtons = QHBoxLayout()
        self.safetyButtons.setObjectName(u"safetyButtons")
        self.backupNowButton = QPushButton(self.safetyGroup)
        self.backupNowButton.setObjectName(u"backupNowButton")

        self.safetyButtons.addWidget(self.backupNowButton)

        self.restoreButton = QPushButton(self.safetyGroup)
        self.restoreButton.setObjectName(u"restoreButton")

        self.safetyButtons.addWidget(self.restoreButton)

        self.backupFolderButton = QPushButton(self.safetyGroup)
        self.backupFolderButton.setObjectName(u"backupFolderButton")

        self.safetyButtons.addWidget(self.backupFolderButton)

        self.checkButton = QPushButton(self.safetyGroup)
        self.checkButton.setObjectName(u"checkButton")

        self.safetyButtons.addWidget(self.checkButton)

        self.safetySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.safetyButtons.addItem(self.safetySpacer)


        self.safetyLayout.addLayout(self.safetyButtons)

        self.safetyResult = QLabel(self.safetyGroup)
        self.safetyResult.setObjectName(u"safetyResult")
        self.safetyResult.setWordWrap(True)
        self.safetyResult.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.safetyLayout.addWidget(self.safetyResult)


        self.pageLayout.addWidget(self.safetyGroup)

        self.languageGroup = QGroupBox(SettingsPage)
        self.languageGroup.setObjectName(u"languageGroup")
        self.languageLayout = QFormLayout(self.languageGroup)
        self.languageLayout.setObjectName(u"languageLayout")
        self.languageLabel = QLabel(self.languageGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.languageGroup)
        self.languageCombo.setObjectName(u"languageCombo")
        self.languageCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.languageLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.languageNote = QLabel(self.languageGroup)
        self.languageNote.setObjectName(u"languageNote")
        self.languageNote.setWordWrap(True)

        self.languageLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.languageNote)


        self.pageLayout.addWidget(self.languageGroup)

        self.listsGroup = QGroupBox(SettingsPage)
        self.listsGroup.setObjectName(u"listsGroup")
        self.listsLayout = QGridLayout(self.listsGroup)
        self.listsLayout.setObjectName(u"listsLayout")
        self.kindsLabel = QLabel(self.listsGroup)
        self.kindsLabel.setObjectName(u"kindsLabel")

        self.listsLayout.addWidget(self.kindsLabel, 0, 0, 1, 1)

        self.typesLabel = QLabel(self.listsGroup)
        self.typesLabel.setObjectName(u"typesLabel")

        self.listsLayout.addWidget(self.typesLabel, 0, 1, 1, 1)

        self.kindsList = QListWidget(self.listsGroup)
        self.kindsList.setObjectName(u"kindsList")

        self.listsLayout.addWidget(self.kindsList, 1, 0, 1, 1)

        self.typesList = QListWidget(self.listsGroup)
        self.typesList.setObjectName(u"typesList")

        self.listsLayout.addWidget(self.typesList, 1, 1, 1, 1)

        self.kindsButtons = QHBoxLayout()
        self.kindsButtons.setObjectName(u"kindsButtons")
        self.kindAddButton = QPushButton(self.listsGroup)
        self.kindAddButton.setObjectName(u"kindAddButton")

        self.kindsButtons.addWidget(self.kindAddButton)

        self.kindEditButton = QPushButton(self.listsGroup)
        self.kindEditButton.setObjectName(u"kindEditButton")

        self.kindsButtons.addWidget(self.kindEditButton)

        self.kindDeleteButton = QPushButton(self.listsGroup)
        self.kindDeleteButton.setObjectName(u"kindDeleteButton")

        self.kindsButtons.addWidget(self.kindDeleteButton)

        self.kindUpButton = QPushButton(self.listsGroup)
        self.kindUpButton.setObjectName(u"kindUpButton")

        self.kindsButtons.addWidget(self.kindUpButton)

        self.kindDownButton = QPushButton(self.listsGroup)
        self.kindDownButton.setObjectName(u"kindDownButton")

        self.kindsButtons.addWidget(self.kindDownButton)

        self.kindButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindsButtons.addItem(self.kindButtonsSpacer)


        self.listsLayout.addLayout(self.kindsButtons, 2, 0, 1, 1)

        self.typesButtons = QHBoxLayout()
        self.typesButtons.setObjectName(u"typesButtons")
        self.typeAddButton = QPushButton(self.listsGroup)
        self.typeAddButton.setObjectName(u"typeAddButton")

        self.typesButtons.addWidget(self.typeAddButton)

        self.typeEditButton = QPushButton(self.listsGroup)
        self.typeEditButton.setObjectName(u"typeEditButton")

        self.typesButtons.addWidget(self.typeEditButton)

        self.typeDeleteButton = QPushButton(self.listsGroup)
        self.typeDeleteButton.setObjectName(u"typeDeleteButton")

        self.typesButtons.addWidget(self.typeDeleteButton)

        self.typeUpButton = QPushButton(self.listsGroup)
        self.typeUpButton.setObjectName(u"typeUpButton")

        self.typesButtons.addWidget(self.typeUpButton)

        self.typeDownButton = QPushButton(self.listsGroup)
        self.typeDownButton.setObjectName(u"typeDownButton")

        self.typesButtons.addWidget(self.typeDownButton)

        self.typeButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.typesButtons.addItem(self.typeButtonsSpacer)


        self.listsLayout.addLayout(self.typesButtons, 2, 1, 1, 1)

        self.listsNote = QLabel(self.listsGroup)
        self.listsNote.setObjectName(u"listsNote")
        self.listsNote.setWordWrap(True)

        self.listsLayout.addWidget(self.listsNote, 3, 0, 1, 2)


        self.pageLayout.addWidget(self.listsGroup)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.kindsLabel.setBuddy(self.kindsList)
        self.typesLabel.setBuddy(self.typesList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindsList, self.kindAddButton)
        QWidget.setTabOrder(self.kindAddButton, self.kindEditButton)
        QWidget.setTabOrder(self.kindEditButton, self.kindDeleteButton)
        QWidget.setTabOrder(self.kindDeleteButton, self.kindUpButton)
        QWidget.setTabOrder(self.kindUpButton, self.kindDownButton)
        QWidget.setTabOrder(self.kindDownButton, self.typesList)
        QWidget.setTabOrder(self.typesList, self.typeAddButton)
        QWidget.setTabOrder(self.typeAddButton, self.typeEditButton)
        QWidget.setTabOrder(self.typeEditButton, self.typeDeleteButton)
        QWidget.setTabOrder(self.typeDeleteButton, self.typeUpButton)
        QWidget.setTabOrder(self.typeUpButton, self.typeDownButton)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.dataGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Where the data lives", None))
        self.locationLabel.setText(QCoreApplication.translate("SettingsPage", u"Data file:", None))
        self.backendLabel.setText(QCoreApplication.translate("SettingsPage", u"Database:", None))
        self.revisionLabel.setText(QCoreApplication.translate("SettingsPage", u"Schema revision:", None))
        self.contentsLabel.setText(QCoreApplication.translate("SettingsPage", u"Contents:", None))
        self.logLabel.setText(QCoreApplication.translate("SettingsPage", u"Log files:", None))
        self.safetyGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Backups and checks", None))
        self.backupNowButton.setText(QCoreApplication.translate("SettingsPage", u"&Back up now", None))
        self.restoreButton.setText(QCoreApplication.translate("SettingsPage", u"&Restore\u2026", None))
        self.backupFolderButton.setText(QCoreApplication.translate("SettingsPage", u"Backup &folder\u2026", None))
        self.checkButton.setText(QCoreApplication.translate("SettingsPage", u"C&heck the data", None))
        self.languageGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Language", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsPage", u"&Language of the program:", None))
        self.languageNote.setText(QCoreApplication.translate("SettingsPage", u"A new language is used from the next time the program starts.", None))
        self.listsGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Lists", None))
        self.kindsLabel.setText(QCoreApplication.translate("SettingsPage", u"Organisation &kinds", None))
        self.typesLabel.setText(QCoreApplication.translate("SettingsPage", u"Document &types", None))
#if QT_CONFIG(tooltip)
        self.kindAddButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Add an organisation kind (Insert)", None))
#endif // QT_CONFIG(tooltip)
        self.kindAddButton.setText(QCoreApplication.translate("SettingsPage", u"Add\u2026", None))
#if QT_CONFIG(tooltip)
        self.kindEditButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Rename the selected kind or change whether it is a party cell (Enter, F2)", None))
#endif // QT_CONFIG(tooltip)
        self.kindEditButton.setText(QCoreApplication.translate("SettingsPage", u"Edit\u2026", None))
#if QT_CONFIG(tooltip)
        self.kindDeleteButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Delete the selected kind, if no organisation uses it (Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.kindDeleteButton.setText(QCoreApplication.translate("SettingsPage", u"Delete", None))
#if QT_CONFIG(tooltip)
        self.kindUpButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Move the selected kind up (Ctrl+Up)", None))
#endif // QT_CONFIG(tooltip)
        self.kindUpButton.setText(QCoreApplication.translate("SettingsPage", u"Up", None))
#if QT_CONFIG(tooltip)
        self.kindDownButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Move the selected kind down (Ctrl+Down)", None))
#endif // QT_CONFIG(tooltip)
        self.kindDownButton.setText(QCoreApplication.translate("SettingsPage", u"Down", None))
#if QT_CONFIG(tooltip)
        self.typeAddButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Add a document type (Insert)", None))
#endif // QT_CONFIG(tooltip)
        self.typeAddButton.setText(QCoreApplication.translate("SettingsPage", u"Add\u2026", None))
#if QT_CONFIG(tooltip)
        self.typeEditButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Rename the selected type, change its abbreviation or whether it is tracked (Enter, F2)", None))
#endif // QT_CONFIG(tooltip)
        self.typeEditButton.setText(QCoreApplication.translate("SettingsPage", u"Edit\u2026", None))
#if QT_CONFIG(tooltip)
        self.typeDeleteButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Delete the selected type, if no document uses it (Delete)", None))
#endif // QT_CONFIG(tooltip)
        self.typeDeleteButton.setText(QCoreApplication.translate("SettingsPage", u"Delete", None))
#if QT_CONFIG(tooltip)
        self.typeUpButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Move the selected type up (Ctrl+Up)", None))
#endif // QT_CONFIG(tooltip)
        self.typeUpButton.setText(QCoreApplication.translate("SettingsPage", u"Up", None))
#if QT_CONFIG(tooltip)
        self.typeDownButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Move the selected type down (Ctrl+Down)", None))
#endif // QT_CONFIG(tooltip)
        self.typeDownButton.setText(QCoreApplication.translate("SettingsPage", u"Down", None))
        self.listsNote.setText(QCoreApplication.translate("SettingsPage", u"Insert adds, Enter or F2 edits, Delete removes an entry nothing uses yet, Ctrl+Up and Ctrl+Down move it. This order is the order of the drop-down lists.", None))
        pass
    # retranslateUi

