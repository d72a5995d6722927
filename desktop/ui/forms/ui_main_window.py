# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QListWidget,
    QListWidgetItem, QMainWindow, QMenu, QMenuBar,
    QSizePolicy, QSplitter, QStackedWidget, QStatusBar,
    QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1200, 720)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionDocuments = QAction(MainWindow)
        self.actionDocuments.setObjectName(u"actionDocuments")
#if QT_CONFIG(shortcut)
        self.actionDocuments.setShortcut(u"Ctrl+1")
#endif // QT_CONFIG(shortcut)
        self.actionOrganisations = QAction(MainWindow)
        self.actionOrganisations.setObjectName(u"actionOrganisations")
#if QT_CONFIG(shortcut)
        self.actionOrganisations.setShortcut(u"Ctrl+2")
#endif // QT_CONFIG(shortcut)
        self.actionTracking = QAction(MainWindow)
        self.actionTracking.setObjectName(u"actionTracking")
#if QT_CONFIG(shortcut)
        self.actionTracking.setShortcut(u"Ctrl+3")
#endif // QT_CONFIG(shortcut)
        self.actionReports = QAction(MainWindow)
        self.actionReports.setObjectName(u"actionReports")
#if QT_CONFIG(shortcut)
        self.actionReports.setShortcut(u"Ctrl+4")
#endif // QT_CONFIG(shortcut)
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
#if QT_CONFIG(shortcut)
        self.actionSettings.setShortcut(u"Ctrl+5")
#endif // QT_CONFIG(shortcut)
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(self.centralwidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.navigation = QListWidget(self.splitter)
        self.navigation.setObjectName(u"navigation")
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setIconSize(QSize(28, 28))
        self.navigation.setSpacing(2)
        self.splitter.addWidget(self.navigation)
        self.pages = QStackedWidget(self.splitter)
        self.pages.setObjectName(u"pages")
        self.splitter.addWidget(self.pages)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuGo = QMenu(self.menubar)
        self.menuGo.setObjectName(u"menuGo")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuGo.menuAction())
        self.menuFile.addAction(self.actionQuit)
        self.menuGo.addAction(self.actionDocuments)
        self.menuGo.addAction(self.actionOrganisations)
        self.menuGo.addAction(self.actionTracking)
        self.menuGo.addAction(self.actionReports)
        self.menuGo.addAction(self.actionSettings)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.actionDocuments.setText(QCoreApplication.translate("MainWindow", u"&Documents", None))
        self.actionOrganisations.setText(QCoreApplication.translate("MainWindow", u"&Organisations", None))
        self.actionTracking.setText(QCoreApplication.translate("MainWindow", u"&Tracking", None))
        self.actionReports.setText(QCoreApplication.translate("MainWindow", u"&Reports", None))
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"S&ettings", None))
#if QT_CONFIG(accessibility)
        self.navigation.setAccessibleName(QCoreApplication.translate("MainWindow", u"Pages", None))
#endif // QT_CONFIG(accessibility)
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuGo.setTitle(QCoreApplication.translate("MainWindow", u"&Go", None))
        pass
    # retranslateUi

