<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>DocumentProgressPanel</name>
    <message>
        <source>Select a document to see how far it has got.</source>
        <translation>Chọn một văn bản để xem tiến độ thực hiện.</translation>
    </message>
    <message>
        <source>{number} of {date}: {excerpt}</source>
        <translation>{number} ngày {date}: {excerpt}</translation>
    </message>
    <message>
        <source>Figures as of {date}</source>
        <translation>Số liệu tính đến ngày {date}</translation>
    </message>
    <message>
        <source>{count} organisations</source>
        <translation>{count} đơn vị</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>chưa có số liệu</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Number, symbol</source>
        <extracomment>The document&apos;s database id, for any cell of its row.</extracomment>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Cơ quan ban hành</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Number, symbol or words of the excerpt (accents not needed)</source>
        <translation>Số, ký hiệu hoặc từ trong trích yếu (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>{count} documents found</source>
        <translation>Tìm thấy {count} văn bản</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} văn bản</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang tính…</translation>
    </message>
</context>
<context>
    <name>GroupStatsModel</name>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>Group of organisations</source>
        <translation>Nhóm đơn vị</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Theo dõi</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Data: {location}</source>
        <translation>Dữ liệu: {location}</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Văn bản</translation>
    </message>
    <message>
        <source>&amp;Organisations</source>
        <translation>Đơ&amp;n vị</translation>
    </message>
    <message>
        <source>&amp;Tracking</source>
        <translation>&amp;Theo dõi</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
</context>
<context>
    <name>MessageBox</name>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Thử lại</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect.</source>
        <translation>Đã xảy ra một lỗi mà chương trình không lường trước.</translation>
    </message>
    <message>
        <source>Nothing you saved before has been lost. The details have been written to the log file in the folder {folder}; send them to the person who supports the program.</source>
        <translation>Những gì đã lưu trước đó không bị mất. Chi tiết lỗi đã được ghi vào tệp nhật ký trong thư mục {folder}; hãy gửi tệp này cho người hỗ trợ chương trình.</translation>
    </message>
</context>
<context>
    <name>OrgColumns</name>
    <message>
        <source>Organisation</source>
        <extracomment>The organisation&apos;s database id.</extracomment>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <source>Party cells</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
</context>
<context>
    <name>OrganisationsPage</name>
    <message>
        <source>Name, short name or code (accents not needed)</source>
        <translation>Tên, tên viết tắt hoặc mã đơn vị (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>Click ▸ to open an organisation</source>
        <translation>Bấm ▸ để mở các đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>First {count} matches; type more to narrow down</source>
        <translation>{count} kết quả đầu tiên; gõ thêm để thu hẹp</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>Tìm thấy {count} đơn vị</translation>
    </message>
</context>
<context>
    <name>ProgressOverviewModel</name>
    <message>
        <source>Number, symbol</source>
        <extracomment>The share (0..1) a stage cell shows, for the progress-bar delegate; None for plain cells.</extracomment>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Trích yếu</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Văn bản:</translation>
    </message>
    <message>
        <source>Printing this table as a Word report comes in a later version.</source>
        <translation>In bảng này thành báo cáo Word sẽ có ở phiên bản sau.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>There are no documents yet.</source>
        <translation>Chưa có văn bản nào.</translation>
    </message>
    <message>
        <source>Results of studying and implementing {number} of {date} (as of {as_of})</source>
        <translation>Kết quả học tập, quán triệt và triển khai thực hiện {number} ngày {date} (tính đến ngày {as_of})</translation>
    </message>
    <message>
        <source>This document has no recipients yet.</source>
        <translation>Văn bản này chưa có nơi nhận.</translation>
    </message>
    <message>
        <source>{reported}/{recipients} organisations have reported ({share}); {members}/{members_total} party members attended the study sessions.</source>
        <translation>Đã có {reported}/{recipients} đơn vị báo cáo (đạt {share}); {members}/{members_total} đảng viên tham gia học tập, quán triệt.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>SQLite file on this computer</source>
        <translation>Tệp SQLite trên máy này</translation>
    </message>
    <message>
        <source>PostgreSQL server shared by the office</source>
        <translation>Máy chủ PostgreSQL dùng chung của cơ quan</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>{orgs} organisations, {docs} documents</source>
        <translation>{orgs} đơn vị, {docs} văn bản</translation>
    </message>
    <message>
        <source>Saved. The program will be in {language} the next time it starts.</source>
        <translation>Đã lưu. Lần mở chương trình sau sẽ dùng {language}.</translation>
    </message>
    <message>
        <source>Where the data lives</source>
        <translation>Nơi lưu dữ liệu</translation>
    </message>
    <message>
        <source>Data file:</source>
        <translation>Tệp dữ liệu:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Cơ sở dữ liệu:</translation>
    </message>
    <message>
        <source>Schema revision:</source>
        <translation>Phiên bản lược đồ:</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <source>Log files:</source>
        <translation>Tệp nhật ký:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Language of the program:</source>
        <translation>&amp;Ngôn ngữ của chương trình:</translation>
    </message>
    <message>
        <source>A new language is used from the next time the program starts.</source>
        <translation>Ngôn ngữ mới được áp dụng từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Organisation &amp;kinds</source>
        <translation>&amp;Loại hình đơn vị</translation>
    </message>
    <message>
        <source>Document &amp;types</source>
        <translation>Loại &amp;văn bản</translation>
    </message>
    <message>
        <source>These lists can be edited in a later version.</source>
        <translation>Việc sửa các danh mục này sẽ có ở phiên bản sau.</translation>
    </message>
</context>
<context>
    <name>StageColumns</name>
    <message>
        <source>Recipients</source>
        <translation>Nhận văn bản</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Studied</source>
        <translation>Đã quán triệt</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Đã có kế hoạch</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Đã báo cáo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Party cells studied</source>
        <translation>Chi bộ đã học tập</translation>
    </message>
    <message>
        <source>Members attending</source>
        <translation>Đảng viên tham gia</translation>
    </message>
    <message>
        <source>Recipients</source>
        <comment>short</comment>
        <translation>Nhận VB</translation>
    </message>
    <message>
        <source>Received</source>
        <comment>short</comment>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Studied</source>
        <comment>short</comment>
        <translation>Quán triệt</translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>short</comment>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Reported</source>
        <comment>short</comment>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <comment>short</comment>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Party cells studied</source>
        <comment>short</comment>
        <translation>Chi bộ học tập</translation>
    </message>
    <message>
        <source>Members attending</source>
        <comment>short</comment>
        <translation>ĐV tham gia</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Xin chờ trong giây lát</translation>
    </message>
</context>
<context>
    <name>TrackingPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Tải lại</translation>
    </message>
    <message>
        <source>Count again (F5)</source>
        <translation>Tính lại số liệu (F5)</translation>
    </message>
    <message>
        <source>Double-click a document to see its figures per group.</source>
        <translation>Bấm đúp vào một văn bản để xem số liệu theo từng nhóm đơn vị.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>Counting the progress of every document…</source>
        <translation>Đang tính tiến độ của tất cả văn bản…</translation>
    </message>
    <message>
        <source>{count} documents, figures as of {date}; {overdue} with overdue organisations.</source>
        <translation>{count} văn bản, số liệu tính đến ngày {date}; {overdue} văn bản có đơn vị quá hạn.</translation>
    </message>
    <message>
        <source>The figures could not be counted.</source>
        <translation>Không tính được số liệu.</translation>
    </message>
    <message>
        <source>Counting was cancelled; press Refresh to count again.</source>
        <translation>Đã hủy việc tính số liệu; bấm «Tải lại» để tính lại.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Theo dõi Chỉ thị</source>
        <extracomment>``builder(db, progress)`` fills the database with sample data (``create_demo`` by default).</extracomment>
        <translation>Chào mừng đến với Theo dõi Chỉ thị</translation>
    </message>
    <message>
        <source>This program keeps track of how each Party organisation receives, studies and implements the directives and resolutions sent to it, and whether it has reported back on time. From those records it counts the progress of every document, per group of organisations, for the reports to the Standing Committee.</source>
        <translation>Chương trình theo dõi việc từng tổ chức đảng tiếp nhận, học tập, quán triệt và triển khai thực hiện các chỉ thị, nghị quyết được gửi đến, và việc báo cáo kết quả có đúng hạn hay không. Từ đó chương trình tính tiến độ của từng văn bản theo từng nhóm đơn vị, phục vụ báo cáo Ban Thường vụ.</translation>
    </message>
    <message>
        <source>The database is still empty. To look around first, create sample data: a fictitious province with its organisations, a few documents and their tracking records.</source>
        <translation>Cơ sở dữ liệu hiện còn trống. Để làm quen với chương trình, hãy tạo dữ liệu mẫu: một tỉnh giả định với các đơn vị, một số văn bản và số liệu theo dõi.</translation>
    </message>
    <message>
        <source>&amp;Create sample data</source>
        <translation>&amp;Tạo dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Creating sample data…</source>
        <translation>Đang tạo dữ liệu mẫu…</translation>
    </message>
    <message>
        <source>Sample data created.</source>
        <translation>Đã tạo dữ liệu mẫu.</translation>
    </message>
    <message>
        <source>No sample data was created.</source>
        <translation>Chưa tạo được dữ liệu mẫu.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Đã hủy; dữ liệu không thay đổi.</translation>
    </message>
</context>
</TS>
