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

        self.listsNote = QLabel(self.listsGroup)
        self.listsNote.setObjectName(u"listsNote")
        self.listsNote.setEnabled(False)

        self.listsLayout.addWidget(self.listsNote, 2, 0, 1, 2)


        self.pageLayout.addWidget(self.listsGroup)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.kindsLabel.setBuddy(self.kindsList)
        self.typesLabel.setBuddy(self.typesList)
#endif // QT_CONFIG(shortcut)

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
        self.checkButton.setText(QCoreApplication.translate("SettingsPage", u"&Check the data", None))
        self.languageGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Language", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsPage", u"&Language of the program:", None))
        self.languageNote.setText(QCoreApplication.translate("SettingsPage", u"A new language is used from the next time the program starts.", None))
        self.listsGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Lists", None))
        self.kindsLabel.setText(QCoreApplication.translate("SettingsPage", u"Organisation &kinds", None))
        self.typesLabel.setText(QCoreApplication.translate("SettingsPage", u"Document &types", None))
        self.listsNote.setText(QCoreApplication.translate("SettingsPage", u"These lists can be edited in a later version.", None))
        pass
    # retranslateUi

