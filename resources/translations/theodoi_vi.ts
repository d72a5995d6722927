<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AttachmentsDialog</name>
    <message>
        <source>Attachments of {document}</source>
        <translation>Tệp đính kèm của văn bản {document}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>&amp;Files:</source>
        <translation>&amp;Danh sách tệp:</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Thêm tệp…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Remove file</source>
        <translation>&amp;Xóa tệp</translation>
    </message>
    <message>
        <source>Files are copied into the data folder beside the database; the original stays where it is.</source>
        <translation>Tệp được chép vào thư mục dữ liệu, cạnh cơ sở dữ liệu; tệp gốc vẫn ở chỗ cũ.</translation>
    </message>
    <message>
        <source>{name}  —  copied when the document is saved</source>
        <translation>{name}  —  sẽ chép khi lưu văn bản</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Chọn tệp đính kèm</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Copying {name}…</source>
        <translation>Đang chép {name}…</translation>
    </message>
    <message>
        <source>Copying attachments…</source>
        <translation>Đang chép tệp đính kèm…</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Đang kiểm tra tệp…</translation>
    </message>
    <message>
        <source>The file was not opened</source>
        <translation>Không mở tệp đính kèm</translation>
    </message>
    <message>
        <source>Remove the attached file «{name}»?</source>
        <translation>Xóa tệp đính kèm «{name}»?</translation>
    </message>
    <message>
        <source>The copy kept beside the database is deleted; the original file elsewhere is not touched.</source>
        <translation>Bản chép trong thư mục dữ liệu sẽ bị xóa; tệp gốc ở nơi khác không bị ảnh hưởng.</translation>
    </message>
</context>
<context>
    <name>BulkActionDialog</name>
    <message>
        <source>Mark received</source>
        <translation>Đánh dấu đã nhận</translation>
    </message>
    <message>
        <source>Set study session</source>
        <translation>Ghi ngày học tập, quán triệt</translation>
    </message>
    <message>
        <source>Mark reported</source>
        <translation>Đánh dấu đã báo cáo</translation>
    </message>
    <message>
        <source>Clear fields</source>
        <translation>Xóa trắng các ô</translation>
    </message>
    <message>
        <source>{count} selected rows. Rows that already have this information are left as they are.</source>
        <translation>Đã chọn {count} dòng. Dòng nào đã có thông tin này thì giữ nguyên.</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>&amp;Ngày nhận:</translation>
    </message>
    <message>
        <source>&amp;Studied on:</source>
        <translation>&amp;Ngày học tập:</translation>
    </message>
    <message>
        <source>Report &amp;received on:</source>
        <translation>&amp;Ngày nhận báo cáo:</translation>
    </message>
    <message>
        <source>(leave as it is)</source>
        <translation>(giữ nguyên)</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Hình thức gửi, nhận:</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Hình thức:</translation>
    </message>
    <message>
        <source>Report &amp;number:</source>
        <translation>&amp;Số báo cáo:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Á&amp;p dụng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Tick at least one field to clear.</source>
        <translation>Đánh dấu ít nhất một ô cần xóa trắng.</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Working calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <source>e.g. Tết Nguyên đán</source>
        <translation>ví dụ: Tết Nguyên đán</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <source>&amp;Remove the selected day</source>
        <translation>&amp;Xóa ngày đã chọn</translation>
    </message>
    <message>
        <source>Check the days of each new year against the Prime Minister's notice on holidays; deadlines in working days count with them.</source>
        <translation>Mỗi năm mới, hãy đối chiếu các ngày với thông báo nghỉ lễ, Tết của Thủ tướng; các hạn tính theo ngày làm việc dùng lịch này.</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>Ngà&amp;y:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Tên n&amp;gày:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>CalendarModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Thứ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên ngày</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
</context>
<context>
    <name>CascadeCoverageModel</name>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Đơn vị nhận</translation>
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
        <source>Party cells studied</source>
        <translation>Chi bộ đã học tập</translation>
    </message>
    <message>
        <source>Members attending</source>
        <translation>Đảng viên tham gia</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>Directly subordinate</source>
        <translation>Cấp trực thuộc</translation>
    </message>
    <message>
        <source>Level {depth}</source>
        <translation>Cấp {depth}</translation>
    </message>
</context>
<context>
    <name>CascadePanel</name>
    <message>
        <source>Number, symbol</source>
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
    <message>
        <source>Recipients</source>
        <translation>Đơn vị nhận</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Đã báo cáo</translation>
    </message>
    <message>
        <source>Documents issued to implement it:</source>
        <translation>Các văn bản triển khai:</translation>
    </message>
    <message>
        <source>Coverage per level of the organisation tree:</source>
        <translation>Kết quả theo từng cấp của văn bản đang chọn:</translation>
    </message>
    <message>
        <source>Reading the cascade…</source>
        <translation>Đang đọc các văn bản triển khai…</translation>
    </message>
    <message>
        <source>Select a document to see the documents issued under it.</source>
        <translation>Chọn một văn bản để xem các văn bản triển khai văn bản đó.</translation>
    </message>
    <message>
        <source>{number}: {count} documents issued to implement it (all levels).</source>
        <translation>{number}: có {count} văn bản triển khai (tính mọi cấp).</translation>
    </message>
    <message>
        <source>{number}: no document has been issued to implement it yet (link one with «Implements» when adding it).</source>
        <translation>{number}: chưa có văn bản nào triển khai văn bản này (khi thêm văn bản triển khai, chọn văn bản này ở ô «Văn bản cấp trên»).</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong that the program did not expect. Nothing you saved before has been lost, and you can keep working. The details were written to the log file in {folder}; copy them and send them to the person who supports the program.</source>
        <extracomment>Details of the dialogs that were asked for (tests read it).</extracomment>
        <translation>Đã xảy ra một lỗi mà chương trình không lường trước. Những gì đã lưu trước đó không bị mất và bạn có thể làm việc tiếp. Thông tin lỗi đã được ghi vào tệp nhật ký trong thư mục {folder}; hãy sao chép và gửi cho người hỗ trợ chương trình.</translation>
    </message>
    <message>
        <source>&amp;Copy error details</source>
        <translation>&amp;Sao chép thông tin lỗi</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>By group of recipients</source>
        <extracomment>the stages drawn as bars and in the chart (the number of recipients is the heading)</extracomment>
        <translation>Theo khối, nhóm nơi nhận</translation>
    </message>
    <message>
        <source>Select a document to see how far it has got.</source>
        <translation>Chọn một văn bản để xem tiến độ thực hiện.</translation>
    </message>
    <message>
        <source>{number} of {date}: {count} recipients, figures as of {as_of}</source>
        <translation>{number} ngày {date}: {count} nơi nhận, số liệu tính đến ngày {as_of}</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>chưa có số liệu</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Enter a date, e.g. 05/02/2026.</source>
        <translation>Chưa nhập ngày. Nhập theo dạng ngày/tháng/năm, ví dụ 05/02/2026.</translation>
    </message>
</context>
<context>
    <name>DeadlineTableModel</name>
    <message>
        <source>Study and grasp by</source>
        <translation>Hạn học tập, quán triệt</translation>
    </message>
    <message>
        <source>First report by</source>
        <translation>Hạn báo cáo lần đầu</translation>
    </message>
    <message>
        <source>Periodic report by</source>
        <translation>Hạn báo cáo định kỳ</translation>
    </message>
    <message>
        <source>Other deadline</source>
        <translation>Hạn khác</translation>
    </message>
    <message>
        <source>receipt by each organisation</source>
        <translation>ngày đơn vị nhận</translation>
    </message>
    <message>
        <source>date of issue</source>
        <translation>ngày ban hành</translation>
    </message>
    <message>
        <source>a deadline counted from receipt needs a number of working days</source>
        <translation>hạn tính từ ngày đơn vị nhận phải ghi số ngày làm việc</translation>
    </message>
    <message>
        <source>no date entered</source>
        <translation>chưa nhập ngày</translation>
    </message>
    <message>
        <source>Deadline {n} ({kind}): {reason}</source>
        <translation>Hạn thứ {n} ({kind}): {reason}</translation>
    </message>
    <message>
        <source>A deadline in working days (weekends and public holidays not counted), e.g. 10; leave empty for a fixed date</source>
        <translation>Hạn tính theo ngày làm việc (không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ), ví dụ 10; để trống nếu hạn là một ngày cố định</translation>
    </message>
    <message>
        <source>Working days are counted from the date of issue, or from the day each organisation received the document (Space switches)</source>
        <translation>Số ngày làm việc tính từ ngày ban hành, hoặc từ ngày từng đơn vị nhận được văn bản (phím cách để đổi)</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Loại hạn</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Số ngày làm việc</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Reporting period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>Tính từ</translation>
    </message>
    <message>
        <source>Directly subordinate only</source>
        <translation>Chỉ cấp trực thuộc báo cáo</translation>
    </message>
    <message>
        <source>per receipt</source>
        <translation>theo ngày nhận</translation>
    </message>
    <message>
        <source>Type the date as dd/mm/yyyy, e.g. 05/03/2026, or a number of working days, e.g. 10 ngày làm việc</source>
        <translation>Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2026, hoặc số ngày làm việc, ví dụ «10 ngày làm việc kể từ ngày nhận»</translation>
    </message>
    <message>
        <source>{days} working days after each organisation receives the document: every organisation has its own date.</source>
        <translation>{days} ngày làm việc kể từ ngày đơn vị nhận văn bản: mỗi đơn vị có hạn riêng.</translation>
    </message>
    <message>
        <source>{days} working days after the date of issue (enter the date of issue to see the date).</source>
        <translation>{days} ngày làm việc kể từ ngày ban hành (nhập ngày ban hành để xem hạn là ngày nào).</translation>
    </message>
    <message>
        <source>{days} working days after the date of issue {issue}, weekends and holidays skipped: {due}.</source>
        <translation>{days} ngày làm việc kể từ ngày ban hành {issue}, không tính ngày nghỉ: hạn là ngày {due}.</translation>
    </message>
    <message>
        <source>Typing a date here makes it a fixed date instead.</source>
        <translation>Nhập một ngày vào ô này thì hạn trở thành ngày cố định.</translation>
    </message>
    <message>
        <source>level {depth}</source>
        <translation>cấp {depth}</translation>
    </message>
    <message>
        <source>«{text}»: deadlines are counted in working days; write «10 ngày làm việc», or type the date (dd/mm/yyyy)</source>
        <translation>«{text}»: hạn chỉ tính theo ngày làm việc; ghi «10 ngày làm việc», hoặc nhập ngày cụ thể (ngày/tháng/năm)</translation>
    </message>
    <message>
        <source>«{text}» is not a number of working days from 1 to {max}</source>
        <translation>«{text}» không phải số ngày làm việc từ 1 đến {max}</translation>
    </message>
    <message>
        <source>Only organisations directly under the issuing committee must meet this deadline</source>
        <translation>Chỉ các tổ chức trực thuộc cấp ủy ban hành phải thực hiện hạn này</translation>
    </message>
</context>
<context>
    <name>DeadlinesEditor</name>
    <message>
        <source>&amp;Deadlines (Insert adds a row, Delete removes it):</source>
        <translation>&amp;Các hạn (phím Insert thêm một dòng, Delete xóa dòng đang chọn):</translation>
    </message>
    <message>
        <source>&amp;Add deadline</source>
        <translation>&amp;Thêm hạn</translation>
    </message>
    <message>
        <source>&amp;Remove deadline</source>
        <translation>&amp;Xóa hạn</translation>
    </message>
</context>
<context>
    <name>DenominatorModel</name>
    <message>
        <source>As of</source>
        <translation>Ngày số liệu</translation>
    </message>
    <message>
        <source>Party cells</source>
        <translation>Số chi bộ</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>Số đảng viên</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>DenominatorsDialog</name>
    <message>
        <source>Party cells and members — {name}</source>
        <translation>Số chi bộ, đảng viên — {name}</translation>
    </message>
    <message>
        <source>As of &amp;date:</source>
        <translation>Tính đến &amp;ngày:</translation>
    </message>
    <message>
        <source>Party &amp;cells:</source>
        <translation>Số &amp;chi bộ:</translation>
    </message>
    <message>
        <source>Party m&amp;embers:</source>
        <translation>Số đảng &amp;viên:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>&amp;Save figures</source>
        <translation>&amp;Lưu số liệu</translation>
    </message>
    <message>
        <source>&amp;New date</source>
        <translation>Ngày &amp;mới</translation>
    </message>
    <message>
        <source>De&amp;lete row</source>
        <translation>&amp;Xóa dòng</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Delete the figures dated {day}?</source>
        <translation>Xóa số liệu ngày {day}?</translation>
    </message>
    <message>
        <source>The previous figures (if any) apply again from that day.</source>
        <translation>Từ ngày đó, số liệu trước đó (nếu có) được dùng lại.</translation>
    </message>
</context>
<context>
    <name>DissolveDialog</name>
    <message>
        <source>Dissolve organisation</source>
        <translation>Giải thể đơn vị</translation>
    </message>
    <message>
        <source>&amp;Dissolve</source>
        <translation>&amp;Giải thể</translation>
    </message>
    <message>
        <source>Dissolved from &amp;date:</source>
        <translation>Giải thể từ &amp;ngày:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>Its last day is the day before. It stays in documents, groups and reports of earlier dates.</source>
        <translation>Ngày hoạt động cuối cùng là ngày hôm trước. Đơn vị vẫn có trong văn bản, nhóm nơi nhận và báo cáo của các kỳ trước.</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Recipients: {totals}. Documents of this type are not tracked (Cài đặt → Loại văn bản): the recipients are only printed.</source>
        <translation>Nơi nhận: {totals}. Loại văn bản này không theo dõi thực hiện (Cài đặt → Loại văn bản): nơi nhận chỉ để in.</translation>
    </message>
    <message>
        <source>Edit document {number}</source>
        <translation>Sửa văn bản {number}</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Thêm văn bản</translation>
    </message>
    <message>
        <source>Choose or paste the &amp;recipients…</source>
        <translation>Chọn hoặc dán &amp;nơi nhận…</translation>
    </message>
    <message>
        <source>&amp;1. General</source>
        <translation>&amp;1. Thông tin chung</translation>
    </message>
    <message>
        <source>&amp;2. Deadlines</source>
        <translation>&amp;2. Các hạn</translation>
    </message>
    <message>
        <source>&amp;3. Recipients</source>
        <translation>&amp;3. Nơi nhận</translation>
    </message>
    <message>
        <source>&amp;4. Attachments</source>
        <translation>&amp;4. Tệp đính kèm</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Lư&amp;u</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Check before saving:</source>
        <translation>Cần kiểm tra trước khi lưu:</translation>
    </message>
    <message>
        <source>Recipients: {totals}</source>
        <translation>Nơi nhận: {totals}</translation>
    </message>
    <message>
        <source>No recipients yet: nobody will be tracked for this document.</source>
        <translation>Chưa có nơi nhận: văn bản này chưa theo dõi đơn vị nào.</translation>
    </message>
    <message>
        <source>Saving the document…</source>
        <translation>Đang lưu văn bản…</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> và {count} đơn vị khác</translation>
    </message>
    <message>
        <source>{count} organisations are no longer recipients but already have tracking data, so their rows were kept: {names}{more}. If they should not be tracked any more, clear their data on the Tracking page.</source>
        <translation>Có {count} đơn vị không còn trong nơi nhận nhưng đã có dữ liệu theo dõi nên vẫn được giữ lại: {names}{more}. Nếu không theo dõi các đơn vị này nữa, hãy xóa dữ liệu của chúng ở trang Theo dõi.</translation>
    </message>
    <message>
        <source>These recipients did not exist on the date of issue and are not tracked: {names}. Check the date, or choose the organisation that succeeded them.</source>
        <translation>Các nơi nhận sau chưa có hoặc đã thôi hoạt động vào ngày ban hành nên không được theo dõi: {names}. Kiểm tra lại ngày ban hành, hoặc chọn đơn vị kế tục.</translation>
    </message>
    <message>
        <source>The document was saved</source>
        <translation>Đã lưu văn bản</translation>
    </message>
    <message>
        <source>Reload the document now? What you typed in this window is replaced by the newest version.</source>
        <translation>Tải lại văn bản ngay bây giờ? Những gì vừa nhập trong cửa sổ này sẽ được thay bằng bản mới nhất.</translation>
    </message>
</context>
<context>
    <name>DocumentForm</name>
    <message>
        <source>e.g. T/M BAN THƯỜNG VỤ</source>
        <extracomment>service field name -&gt; the form's own field (number and symbol share one field)</extracomment>
        <translation>ví dụ T/M BAN THƯỜNG VỤ</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Thường</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Khẩn</translation>
    </message>
    <message>
        <source>Very urgent</source>
        <translation>Thượng khẩn</translation>
    </message>
    <message>
        <source>Express</source>
        <translation>Hỏa tốc</translation>
    </message>
    <message>
        <source>Not classified</source>
        <translation>Không mật</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Tối mật</translation>
    </message>
    <message>
        <source>Top secret</source>
        <translation>Tuyệt mật</translation>
    </message>
    <message>
        <source>To the directly subordinate organisations</source>
        <translation>Đến các tổ chức đảng trực thuộc</translation>
    </message>
    <message>
        <source>Down to every party cell</source>
        <translation>Phổ biến đến chi bộ</translation>
    </message>
    <message>
        <source>Down to every party member</source>
        <translation>Phổ biến đến cán bộ, đảng viên</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Loại văn bản:</translation>
    </message>
    <message>
        <source>Issuing &amp;body:</source>
        <translation>&amp;Cơ quan ban hành:</translation>
    </message>
    <message>
        <source>&amp;Number, symbol:</source>
        <translation>&amp;Số, ký hiệu:</translation>
    </message>
    <message>
        <source>&amp;Date of issue:</source>
        <translation>&amp;Ngày ban hành:</translation>
    </message>
    <message>
        <source>&amp;Excerpt:</source>
        <translation>&amp;Trích yếu:</translation>
    </message>
    <message>
        <source>Signing &amp;authority:</source>
        <translation>Thẩm &amp;quyền ký:</translation>
    </message>
    <message>
        <source>Signer's t&amp;itle:</source>
        <translation>Chức &amp;vụ người ký:</translation>
    </message>
    <message>
        <source>Signer's na&amp;me:</source>
        <translation>&amp;Họ tên người ký:</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>Độ &amp;khẩn:</translation>
    </message>
    <message>
        <source>C&amp;onfidentiality:</source>
        <translation>Độ &amp;mật:</translation>
    </message>
    <message>
        <source>Dissemination &amp;scope:</source>
        <translation>&amp;Phạm vi phổ biến:</translation>
    </message>
    <message>
        <source>Im&amp;plements:</source>
        <translation>Văn &amp;bản cấp trên:</translation>
    </message>
    <message>
        <source>Remar&amp;ks:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>e.g. {example} (or the number alone)</source>
        <translation>ví dụ {example} (hoặc chỉ ghi số)</translation>
    </message>
    <message>
        <source>Printed as: {text}</source>
        <translation>In trên văn bản: {text}</translation>
    </message>
</context>
<context>
    <name>DocumentPicker</name>
    <message>
        <source>Choose the document this one implements</source>
        <translation>Chọn văn bản cấp trên mà văn bản này triển khai</translation>
    </message>
    <message>
        <source>Number, symbol or words of the excerpt (accents not needed)</source>
        <translation>Số, ký hiệu hoặc từ trong trích yếu (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>Tì&amp;m:</translation>
    </message>
    <message>
        <source>C&amp;hoose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
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
        <extracomment>The document's database id, for any cell of its row.</extracomment>
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
        <translation>Tì&amp;m:</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>Thê&amp;m…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Xó&amp;a</translation>
    </message>
    <message>
        <source>Import from &amp;Word…</source>
        <translation>Nhập từ &amp;Word…</translation>
    </message>
    <message>
        <source>Attach&amp;ments…</source>
        <translation>Đính &amp;kèm…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Lịch sử thay đổi…</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>T&amp;iến độ</translation>
    </message>
    <message>
        <source>Implementing d&amp;ocuments</source>
        <translation>&amp;Văn bản triển khai</translation>
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
    <message>
        <source>Delete {type} {number}?</source>
        <translation>Xóa {type} {number}?</translation>
    </message>
    <message>
        <source>Its deadlines, recipients and attached files are deleted with it. A document whose tracking has started cannot be deleted.</source>
        <translation>Các hạn, nơi nhận và tệp đính kèm của văn bản cũng bị xóa. Văn bản đã có dữ liệu theo dõi thì không xóa được.</translation>
    </message>
    <message>
        <source>Deleting the document…</source>
        <translation>Đang xóa văn bản…</translation>
    </message>
    <message>
        <source>The document was not deleted</source>
        <translation>Không xóa văn bản</translation>
    </message>
</context>
<context>
    <name>DocxImporter</name>
    <message>
        <source>Import a document from Word</source>
        <translation>Nhập văn bản từ Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Văn bản Word (*.docx)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <source>The document could not be read</source>
        <translation>Không đọc được văn bản</translation>
    </message>
    <message>
        <source>No issuing body «{what}» is registered: choose the issuing body.</source>
        <translation>Chưa khai báo cơ quan ban hành «{what}»: chọn cơ quan ban hành.</translation>
    </message>
    <message>
        <source>Choose the issuing body.</source>
        <translation>Chọn cơ quan ban hành.</translation>
    </message>
    <message>
        <source>The document type «{name}» is not in the list: choose the type.</source>
        <translation>Loại văn bản «{name}» chưa có trong danh sách: chọn loại văn bản.</translation>
    </message>
    <message>
        <source>Recipients read: {totals}.</source>
        <translation>Nơi nhận đọc được: {totals}.</translation>
    </message>
    <message>
        <source>Check the lines left as printed text on tab 3.</source>
        <translation>Xem lại các dòng chỉ in (không theo dõi) ở thẻ «3. Nơi nhận».</translation>
    </message>
    <message>
        <source>Import from Word: {name}</source>
        <translation>Nhập văn bản từ Word: {name}</translation>
    </message>
</context>
<context>
    <name>FileSavedDialog</name>
    <message>
        <source>File saved</source>
        <translation>Đã lưu tệp</translation>
    </message>
    <message>
        <source>Open &amp;file</source>
        <translation>Mở &amp;tệp</translation>
    </message>
    <message>
        <source>Open the f&amp;older</source>
        <translation>Mở thư &amp;mục</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>Print on the default printer through Word</source>
        <translation>In ra máy in mặc định (qua Word)</translation>
    </message>
    <message>
        <source>The file could not be sent to the printer ({error}). Open it and print from Word.</source>
        <translation>Không gửi được tệp tới máy in ({error}). Hãy mở tệp rồi in từ Word.</translation>
    </message>
</context>
<context>
    <name>FormsCommon</name>
    <message>
        <source>Type part of the number or excerpt, then Enter</source>
        <translation>Gõ một phần số hiệu hoặc trích yếu rồi nhấn Enter</translation>
    </message>
    <message>
        <source>The file was not written</source>
        <translation>Chưa ghi được tệp</translation>
    </message>
</context>
<context>
    <name>FormsExportDialog</name>
    <message>
        <source>Send Excel forms to the organisations</source>
        <translation>Gửi phiếu Excel cho các đơn vị</translation>
    </message>
    <message>
        <source>(every group)</source>
        <translation>(mọi nhóm)</translation>
    </message>
    <message>
        <source>The organisations that must report</source>
        <translation>Các đơn vị phải báo cáo</translation>
    </message>
    <message>
        <source>Every recipient of the document</source>
        <translation>Mọi nơi nhận văn bản</translation>
    </message>
    <message>
        <source>The organisations that must report are those of the level the report deadline names (their form holds the figures of their party cells).</source>
        <translation>Các đơn vị phải báo cáo là các đơn vị ở cấp mà hạn báo cáo quy định (phiếu của đơn vị gộp số liệu của các chi bộ trực thuộc).</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;họn…</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Văn bản:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Nhóm nơi nhận:</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>Gửi &amp;cho:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Thư mục lưu phiếu:</translation>
    </message>
    <message>
        <source>&amp;Create the forms</source>
        <translation>Tạo &amp;phiếu</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Mở thư mục</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Folder for the forms</source>
        <translation>Thư mục lưu phiếu</translation>
    </message>
    <message>
        <source>Choose the document first.</source>
        <translation>Hãy chọn văn bản trước.</translation>
    </message>
    <message>
        <source>{count} organisations will get a form.</source>
        <translation>{count} đơn vị sẽ nhận phiếu.</translation>
    </message>
    <message>
        <source>The organisations could not be counted.</source>
        <translation>Không đếm được các đơn vị.</translation>
    </message>
    <message>
        <source>Choose the folder for the forms.</source>
        <translation>Hãy chọn thư mục lưu phiếu.</translation>
    </message>
    <message>
        <source>Creating the forms…</source>
        <translation>Đang tạo phiếu…</translation>
    </message>
    <message>
        <source>{forms} forms were created for {orgs} organisations in “{folder}” ({seconds} seconds). Send each organisation its own file.</source>
        <translation>Đã tạo {forms} phiếu cho {orgs} đơn vị trong «{folder}» ({seconds} giây). Gửi cho mỗi đơn vị đúng tệp mang tên đơn vị đó.</translation>
    </message>
    <message>
        <source>Cancelled; the forms created so far were removed.</source>
        <translation>Đã hủy; các phiếu vừa tạo đã được xóa.</translation>
    </message>
    <message>
        <source>Another &amp;folder…</source>
        <translation>Chọn thư mục &amp;khác…</translation>
    </message>
</context>
<context>
    <name>FormsFiles</name>
    <message>
        <source>&amp;Send Excel forms to the organisations…</source>
        <translation>&amp;Gửi phiếu Excel cho các đơn vị…</translation>
    </message>
    <message>
        <source>&amp;Read returned Excel forms…</source>
        <translation>Đọc &amp;phiếu Excel đã nhận…</translation>
    </message>
    <message>
        <source>Export a s&amp;tatistics workbook (Excel)…</source>
        <translation>Xuất bảng thống &amp;kê Excel…</translation>
    </message>
</context>
<context>
    <name>FormsImport</name>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Nhận</translation>
    </message>
    <message>
        <source>Needs confirmation</source>
        <translation>Cần xác nhận</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>Old encoding</source>
        <translation>Bảng mã cũ</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Text typed with an old encoding (TCVN3/VNI): choose below to convert it to Unicode or keep it.</source>
        <translation>Có chữ gõ bằng bảng mã cũ (TCVN3/VNI): chọn bên dưới chuyển sang Unicode hay giữ nguyên.</translation>
    </message>
    <message>
        <source>{problem} (and {count} more)</source>
        <translation>{problem} (và {count} lỗi khác)</translation>
    </message>
    <message>
        <source>Nothing to change: the figures are already entered.</source>
        <translation>Không có gì thay đổi: số liệu đã được nhập.</translation>
    </message>
    <message>
        <source>{count} ({conflicts} differ)</source>
        <translation>{count} ({conflicts} khác số đã nhập)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Số liệu thay đổi</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>new value</source>
        <translation>ghi mới</translation>
    </message>
    <message>
        <source>take the value in the file</source>
        <translation>lấy giá trị trong tệp</translation>
    </message>
    <message>
        <source>keep the stored value</source>
        <translation>giữ giá trị đã nhập</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ô</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>Stored now</source>
        <translation>Đang lưu</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>Trong tệp</translation>
    </message>
    <message>
        <source>On update</source>
        <translation>Khi cập nhật</translation>
    </message>
</context>
<context>
    <name>FormsImportDialog</name>
    <message>
        <source>Read the returned Excel forms</source>
        <translation>Đọc phiếu Excel các đơn vị gửi lại</translation>
    </message>
    <message>
        <source>no file chosen (.xlsx); files can also be dropped here</source>
        <translation>chưa chọn tệp (.xlsx); có thể kéo thả tệp vào đây</translation>
    </message>
    <message>
        <source>Choose &amp;files…</source>
        <translation>Chọn &amp;tệp…</translation>
    </message>
    <message>
        <source>Choose a fol&amp;der…</source>
        <translation>Chọn thư &amp;mục…</translation>
    </message>
    <message>
        <source>Fo&amp;rms read:</source>
        <translation>&amp;Phiếu đã đọc:</translation>
    </message>
    <message>
        <source>This is the right organisation: import this form (confir&amp;m)</source>
        <translation>Đúng đơn vị này: nhập phiếu này (&amp;xác nhận)</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ô</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Lỗi gì</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Bảng mã</translation>
    </message>
    <message>
        <source>As typed</source>
        <translation>Như đã gõ</translation>
    </message>
    <message>
        <source>In Unicode</source>
        <translation>Đọc theo Unicode</translation>
    </message>
    <message>
        <source>Take &amp;every value in the files</source>
        <translation>Lấy &amp;hết giá trị trong tệp</translation>
    </message>
    <message>
        <source>Every figure already entered differently takes the value in its file (all files)</source>
        <translation>Mọi số liệu khác với số đã nhập đều lấy giá trị trong tệp (mọi phiếu)</translation>
    </message>
    <message>
        <source>Some text was typed with an old encoding (TCVN3/VNI):</source>
        <translation>Có chữ gõ bằng bảng mã cũ (TCVN3/VNI):</translation>
    </message>
    <message>
        <source>Convert to &amp;Unicode</source>
        <translation>Chuyển sang &amp;Unicode</translation>
    </message>
    <message>
        <source>Keep as it is (&amp;no)</source>
        <translation>Giữ &amp;nguyên</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>&amp;Cập nhật</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Choose the returned forms</source>
        <translation>Chọn các phiếu đơn vị gửi lại</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Tệp Excel (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Choose the folder of the returned forms</source>
        <translation>Chọn thư mục chứa các phiếu đơn vị gửi lại</translation>
    </message>
    <message>
        <source>Reading the forms…</source>
        <translation>Đang đọc các phiếu…</translation>
    </message>
    <message>
        <source>Reading the returned forms…</source>
        <translation>Đang đọc các phiếu đơn vị gửi lại…</translation>
    </message>
    <message>
        <source>Text typed with an old encoding was converted to Unicode:</source>
        <translation>Chữ gõ bằng bảng mã cũ đã được chuyển sang Unicode:</translation>
    </message>
    <message>
        <source>Text typed with an old encoding is kept as it is:</source>
        <translation>Chữ gõ bằng bảng mã cũ được giữ nguyên:</translation>
    </message>
    <message>
        <source>Choose the forms the organisations sent back (several files, or a folder). Nothing is written before you have seen what would change and pressed “Update”.</source>
        <translation>Chọn các phiếu đơn vị gửi lại (nhiều tệp, hoặc cả thư mục). Chưa ghi gì cho đến khi đã xem những gì thay đổi và nhấn «Cập nhật».</translation>
    </message>
    <message>
        <source>{files} files read: {accepted} accepted, {confirm} to confirm, {refused} refused.</source>
        <translation>Đã đọc {files} tệp: nhận {accepted}, cần xác nhận {confirm}, từ chối {refused}.</translation>
    </message>
    <message>
        <source>{count} wait for the encoding choice.</source>
        <translation>{count} tệp chờ chọn bảng mã.</translation>
    </message>
    <message>
        <source>&amp;Changes ({count})</source>
        <translation>&amp;Số liệu thay đổi ({count})</translation>
    </message>
    <message>
        <source>&amp;Problems ({count})</source>
        <translation>Lỗ&amp;i ({count})</translation>
    </message>
    <message>
        <source>&amp;Old encoding ({count})</source>
        <translation>&amp;Bảng mã cũ ({count})</translation>
    </message>
    <message>
        <source>N&amp;otes ({count})</source>
        <translation>&amp;Lưu ý ({count})</translation>
    </message>
    <message>
        <source>“Update” will write {values} figures from {files} forms.</source>
        <translation>«Cập nhật» sẽ ghi {values} số liệu của {files} phiếu.</translation>
    </message>
    <message>
        <source>{count} refused</source>
        <translation>{count} bị từ chối</translation>
    </message>
    <message>
        <source>{count} waiting for the encoding choice</source>
        <translation>{count} chờ chọn bảng mã</translation>
    </message>
    <message>
        <source>{count} not confirmed</source>
        <translation>{count} chưa xác nhận</translation>
    </message>
    <message>
        <source>Left out: {count} forms ({reasons}).</source>
        <translation>Không nhập {count} phiếu ({reasons}).</translation>
    </message>
    <message>
        <source>Nothing to write: no accepted or confirmed form has a new figure.</source>
        <translation>Không có gì để ghi: không phiếu nào được nhận hoặc xác nhận có số liệu mới.</translation>
    </message>
    <message>
        <source>Writing to the database…</source>
        <translation>Đang ghi vào cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Importing the forms…</source>
        <translation>Đang nhập các phiếu…</translation>
    </message>
    <message>
        <source>{files} forms imported: {rows} tracking rows, {values} figures written.</source>
        <translation>Đã nhập {files} phiếu: {rows} dòng theo dõi, ghi {values} số liệu.</translation>
    </message>
    <message>
        <source>{count} files were not imported (refused or not confirmed).</source>
        <translation>{count} tệp không được nhập (bị từ chối hoặc chưa xác nhận).</translation>
    </message>
    <message>
        <source>Ctrl+Z on the tracking grid undoes the whole import.</source>
        <translation>Nhấn Ctrl+Z trên bảng theo dõi để hoàn tác cả lần nhập này.</translation>
    </message>
    <message>
        <source>Forms imported</source>
        <translation>Đã nhập phiếu</translation>
    </message>
    <message>
        <source>Read the forms again now?</source>
        <translation>Đọc lại các phiếu ngay bây giờ?</translation>
    </message>
</context>
<context>
    <name>GroupBarChart</name>
    <message>
        <source>No data</source>
        <extracomment>Colours of the series, in order (colour-blind friendly; the last one is the alarm red).</extracomment>
        <translation>Chưa có số liệu</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Rename group</source>
        <translation>Đổi tên nhóm</translation>
    </message>
    <message>
        <source>New recipient group</source>
        <translation>Thêm nhóm nơi nhận</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên nhóm:</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>Tên &amp;ngắn:</translation>
    </message>
</context>
<context>
    <name>GroupListModel</name>
    <message>
        <source>{count} more that have ended (kept for past documents)</source>
        <extracomment>The group's database id.</extracomment>
        <translation>Còn {count} đơn vị đã kết thúc hoạt động (giữ lại cho các văn bản trước)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Tên ngắn</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Số đơn vị</translation>
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
    <name>GroupsPanel</name>
    <message>
        <source>&amp;New group…</source>
        <translation>Thêm n&amp;hóm…</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>Đổ&amp;i tên…</translation>
    </message>
    <message>
        <source>Delete gro&amp;up</source>
        <translation>Xó&amp;a nhóm</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>&amp;Lên</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>X&amp;uống</translation>
    </message>
    <message>
        <source>Add the &amp;selected organisation</source>
        <translation>Thêm đơn &amp;vị đang chọn</translation>
    </message>
    <message>
        <source>&amp;Add organisations…</source>
        <translation>Thêm đơn vị &amp;khác…</translation>
    </message>
    <message>
        <source>&amp;Remove from group</source>
        <translation>&amp;Bỏ khỏi nhóm</translation>
    </message>
    <message>
        <source>Choose a group to see its organisations.</source>
        <translation>Chọn một nhóm để xem các đơn vị trong nhóm.</translation>
    </message>
    <message>
        <source>Organisations in “{group}”: {count}</source>
        <translation>Đơn vị trong nhóm «{group}»: {count}</translation>
    </message>
    <message>
        <source>Delete the group “{group}”?</source>
        <translation>Xóa nhóm «{group}»?</translation>
    </message>
    <message>
        <source>The organisations stay; only the group and its list go.</source>
        <translation>Các đơn vị vẫn giữ nguyên; chỉ xóa nhóm và danh sách của nhóm.</translation>
    </message>
    <message>
        <source>First select an organisation in the tree or the list on the left.</source>
        <translation>Hãy chọn một đơn vị trong cây hoặc danh sách bên trái trước.</translation>
    </message>
    <message>
        <source>Add organisations to the group</source>
        <translation>Thêm đơn vị vào nhóm</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of changes — {document}</source>
        <translation>Lịch sử thay đổi — {document}</translation>
    </message>
    <message>
        <source>{count} changes recorded for {document} and its tracking rows.</source>
        <translation>Có {count} lần thay đổi được ghi lại cho văn bản {document} và các dòng theo dõi của nó.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Xuất &amp;PDF…</translation>
    </message>
    <message>
        <source>Export history as PDF</source>
        <translation>Xuất lịch sử thay đổi ra PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be written ({reason}).</source>
        <translation>Không ghi được tệp PDF ({reason}). Hãy chọn thư mục khác hoặc đóng tệp đang mở rồi thử lại.</translation>
    </message>
    <message>
        <source>The history was saved to {path}.</source>
        <translation>Đã lưu lịch sử thay đổi vào {path}.</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Cell</source>
        <translation>Ô</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Đơn vị cấp trên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sau</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(cấp cao nhất)</translation>
    </message>
</context>
<context>
    <name>LatenessMatrixModel</name>
    <message>
        <source>reported on time</source>
        <extracomment>(document id, organisation id) of a cell; None on the organisation's own columns</extracomment>
        <translation>đã báo cáo đúng hạn</translation>
    </message>
    <message>
        <source>reported late</source>
        <translation>đã báo cáo nhưng quá hạn</translation>
    </message>
    <message>
        <source>overdue: working days late</source>
        <translation>quá hạn: số ngày làm việc chậm</translation>
    </message>
    <message>
        <source>returned for completion</source>
        <translation>trả lại, yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>in progress, not late</source>
        <translation>đang thực hiện, chưa quá hạn</translation>
    </message>
    <message>
        <source>not received yet</source>
        <translation>chưa nhận</translation>
    </message>
    <message>
        <source>not sent to this organisation</source>
        <translation>không gửi đơn vị này</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Late docs</source>
        <translation>Số VB chậm</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Số ngày chậm</translation>
    </message>
    <message>
        <source>Organisation (click to sort by name)</source>
        <translation>Đơn vị (bấm để sắp xếp theo tên)</translation>
    </message>
    <message>
        <source>Number of documents it is late on (click to sort)</source>
        <translation>Số văn bản đơn vị đang quá hạn (bấm để sắp xếp)</translation>
    </message>
    <message>
        <source>Working days late, summed over the documents (click to sort)</source>
        <translation>Tổng số ngày làm việc quá hạn của các văn bản (bấm để sắp xếp)</translation>
    </message>
    <message>
        <source>{name}{code}: late on {docs} documents, {days} working days in all</source>
        <translation>{name}{code}: quá hạn {docs} văn bản, tổng cộng {days} ngày làm việc</translation>
    </message>
    <message>
        <source>This document was not sent to this organisation.</source>
        <translation>Văn bản này không gửi đến đơn vị.</translation>
    </message>
    <message>
        <source>{days} working days overdue</source>
        <translation>Quá hạn {days} ngày làm việc</translation>
    </message>
    <message>
        <source>Click or press Enter: open this row in the tracking grid</source>
        <translation>Bấm chuột hoặc nhấn Enter: mở dòng này trong bảng theo dõi</translation>
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
        <source>&amp;Import a document from Word…</source>
        <translation>&amp;Nhập văn bản từ Word…</translation>
    </message>
    <message>
        <source>Export a &amp;Word document…</source>
        <translation>Xuất văn bản &amp;Word…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Data: {location}</source>
        <translation>Dữ liệu: {location}</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
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
    <name>MatrixPanel</name>
    <message>
        <source>&amp;Only late organisations</source>
        <translation>&amp;Chỉ hiện đơn vị chậm</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Loại văn bản:</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>Cấ&amp;p:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>N&amp;hóm:</translation>
    </message>
    <message>
        <source>Organisations × documents</source>
        <translation>Đơn vị × văn bản</translation>
    </message>
    <message>
        <source>Legend:</source>
        <translation>Chú giải:</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tất cả các loại</translation>
    </message>
    <message>
        <source>Top level</source>
        <translation>Cấp 1 (trực thuộc)</translation>
    </message>
    <message>
        <source>Second level</source>
        <translation>Cấp 2</translation>
    </message>
    <message>
        <source>Third level</source>
        <translation>Cấp 3</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Tất cả các nhóm</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>Computing the matrix…</source>
        <translation>Đang tính ma trận…</translation>
    </message>
    <message>
        <source>{orgs} organisations × {docs} documents as of {day}; {late} organisations are late on at least one document.</source>
        <translation>{orgs} đơn vị × {docs} văn bản, tính đến ngày {day}; {late} đơn vị quá hạn ít nhất một văn bản.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge organisations</source>
        <translation>Sáp nhập đơn vị</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Sáp nhập</translation>
    </message>
    <message>
        <source>Merged from &amp;date:</source>
        <translation>Sáp nhập từ &amp;ngày:</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Bỏ</translation>
    </message>
    <message>
        <source>not chosen yet</source>
        <translation>chưa chọn</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <source>Add up their party cells and &amp;members (a provisional figure until the new count)</source>
        <translation>Cộng số chi bộ, đảng &amp;viên của các đơn vị (số tạm tính, đến khi có số liệu chính thức)</translation>
    </message>
    <message>
        <source>Merged (they end):</source>
        <translation>Các đơn vị bị sáp nhập (kết thúc hoạt động):</translation>
    </message>
    <message>
        <source>Merged into:</source>
        <translation>Sáp nhập vào:</translation>
    </message>
    <message>
        <source>The merged organisations end the day before; their subunits move under the receiving one, which also joins their recipient groups.</source>
        <translation>Các đơn vị bị sáp nhập kết thúc hoạt động từ ngày hôm trước; các đơn vị trực thuộc của chúng chuyển về đơn vị tiếp nhận, đơn vị tiếp nhận cũng được thêm vào các nhóm nơi nhận của chúng.</translation>
    </message>
    <message>
        <source>Choose the organisations to merge</source>
        <translation>Chọn các đơn vị bị sáp nhập</translation>
    </message>
    <message>
        <source>Choose the organisation they merge into</source>
        <translation>Chọn đơn vị tiếp nhận</translation>
    </message>
    <message>
        <source>Choose the organisation they merge into.</source>
        <translation>Hãy chọn đơn vị tiếp nhận.</translation>
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
    <name>MoveDialog</name>
    <message>
        <source>Move to another parent</source>
        <translation>Chuyển đơn vị cấp trên</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>Chu&amp;yển</translation>
    </message>
    <message>
        <source>Make it a to&amp;p-level organisation (no parent)</source>
        <translation>Đưa lên &amp;cấp cao nhất (không trực thuộc đơn vị nào)</translation>
    </message>
    <message>
        <source>New parent organisation:</source>
        <translation>Đơn vị cấp trên mới:</translation>
    </message>
    <message>
        <source>Before this day the organisation is shown under its old parent, with its whole subtree.</source>
        <translation>Trước ngày này, đơn vị (cùng các đơn vị trực thuộc) vẫn được tính vào đơn vị cấp trên cũ.</translation>
    </message>
    <message>
        <source>Choose the new parent organisation in the list (type part of its name to find it).</source>
        <translation>Hãy chọn đơn vị cấp trên mới trong danh sách (gõ một phần tên để tìm).</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>The office</source>
        <translation>Thông tin cơ quan</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Đảng</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Nhà nước</translation>
    </message>
    <message>
        <source>e.g. VP: a State công văn is numbered “Số: 15/UBND-VP”</source>
        <translation>ví dụ VP: công văn khối Nhà nước đánh số «Số: 15/UBND-VP»</translation>
    </message>
    <message>
        <source>empty: from the name lines (e.g. “Ban Tuyên giáo và Dân vận Tỉnh ủy”)</source>
        <translation>để trống: lấy theo các dòng tên (ví dụ «Ban Tuyên giáo và Dân vận Tỉnh ủy»)</translation>
    </message>
    <message>
        <source>empty: the format's (;)</source>
        <translation>để trống: theo thể thức (;)</translation>
    </message>
    <message>
        <source>empty: the format's (.)</source>
        <translation>để trống: theo thể thức (.)</translation>
    </message>
    <message>
        <source>one recipient a line; empty: the usual ones</source>
        <translation>mỗi nơi nhận một dòng; để trống: các nơi nhận thường dùng</translation>
    </message>
    <message>
        <source>&amp;Superior body:</source>
        <translation>Cơ quan &amp;cấp trên:</translation>
    </message>
    <message>
        <source>Office &amp;name (a line each):</source>
        <translation>&amp;Tên cơ quan (mỗi dòng in một dòng):</translation>
    </message>
    <message>
        <source>S&amp;ymbol:</source>
        <translation>&amp;Ký hiệu:</translation>
    </message>
    <message>
        <source>Drafting &amp;unit (State letters):</source>
        <translation>Đơn vị soạn thả&amp;o (công văn khối Nhà nước):</translation>
    </message>
    <message>
        <source>&amp;Place name:</source>
        <translation>Địa &amp;danh:</translation>
    </message>
    <message>
        <source>&amp;Regime:</source>
        <translation>T&amp;huộc khối:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Mẫu thể thức:</translation>
    </message>
    <message>
        <source>Signing a&amp;uthority:</source>
        <translation>&amp;Quyền hạn ký:</translation>
    </message>
    <message>
        <source>Signer's &amp;title:</source>
        <translation>Chức &amp;vụ người ký:</translation>
    </message>
    <message>
        <source>Si&amp;gner:</source>
        <translation>Họ tên n&amp;gười ký:</translation>
    </message>
    <message>
        <source>Name in sen&amp;tences:</source>
        <translation>Tên gọi trong câ&amp;u văn:</translation>
    </message>
    <message>
        <source>“Nơi nhận” line &amp;end:</source>
        <translation>Dấu cuối dòng «Nơ&amp;i nhận»:</translation>
    </message>
    <message>
        <source>“Nơi nhận” &amp;last line end:</source>
        <translation>Dấu &amp;sau dòng cuối «Nơi nhận»:</translation>
    </message>
    <message>
        <source>Report's “Nơi nhận” &amp;lines:</source>
        <translation>Các dòng «&amp;Nơi nhận» của báo cáo:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>The header will print as:</source>
        <translation>Phần đầu văn bản sẽ in như sau:</translation>
    </message>
    <message>
        <source>The office was not saved</source>
        <translation>Chưa lưu được thông tin cơ quan</translation>
    </message>
</context>
<context>
    <name>OrgChangeDialog</name>
    <message>
        <source>Effective from &amp;date:</source>
        <translation>Có hiệu lực từ &amp;ngày:</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>cấp cao nhất</translation>
    </message>
    <message>
        <source>Organisation: {name} — under {parent}</source>
        <translation>Đơn vị: {name} — trực thuộc: {parent}</translation>
    </message>
</context>
<context>
    <name>OrgColumns</name>
    <message>
        <source>Organisation</source>
        <extracomment>The organisation's database id.</extracomment>
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
    <name>OrgDetailPanel</name>
    <message>
        <source>renamed</source>
        <translation>đổi tên</translation>
    </message>
    <message>
        <source>moved to another parent</source>
        <translation>chuyển đơn vị cấp trên</translation>
    </message>
    <message>
        <source>kind changed</source>
        <translation>đổi loại hình</translation>
    </message>
    <message>
        <source>active (founding date not recorded)</source>
        <translation>đang hoạt động (chưa ghi ngày thành lập)</translation>
    </message>
    <message>
        <source>until {end} (ended)</source>
        <translation>đến {end} (đã kết thúc)</translation>
    </message>
    <message>
        <source>from {start} to now</source>
        <translation>từ {start} đến nay</translation>
    </message>
    <message>
        <source>from {start} to {end} (ended)</source>
        <translation>từ {start} đến {end} (đã kết thúc)</translation>
    </message>
    <message>
        <source>Short name:</source>
        <translation>Tên viết tắt:</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Mã đơn vị:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Loại hình:</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Đơn vị cấp trên:</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>Thời gian hoạt động:</translation>
    </message>
    <message>
        <source>Name today:</source>
        <translation>Tên hiện nay:</translation>
    </message>
    <message>
        <source>Renamed from:</source>
        <translation>Đổi tên từ:</translation>
    </message>
    <message>
        <source>Merged into:</source>
        <translation>Đã sáp nhập vào:</translation>
    </message>
    <message>
        <source>Merged into it:</source>
        <translation>Các đơn vị sáp nhập vào:</translation>
    </message>
    <message>
        <source>Party cells, members:</source>
        <translation>Số chi bộ, đảng viên:</translation>
    </message>
    <message>
        <source>Direct subunits:</source>
        <translation>Đơn vị trực thuộc:</translation>
    </message>
    <message>
        <source>Recipient groups:</source>
        <translation>Nhóm nơi nhận:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>History of names and parents:</source>
        <translation>Lịch sử tên gọi và đơn vị cấp trên:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Đơn vị cấp trên</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Choose an organisation to see its details.</source>
        <translation>Chọn một đơn vị để xem chi tiết.</translation>
    </message>
    <message>
        <source>This organisation did not exist on {day}.</source>
        <translation>Ngày {day} đơn vị này chưa thành lập hoặc đã kết thúc hoạt động.</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(cấp cao nhất)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>chưa có số liệu</translation>
    </message>
    <message>
        <source>{count} party cells</source>
        <translation>{count} chi bộ</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} đảng viên</translation>
    </message>
    <message>
        <source>{figures} (as of {day})</source>
        <translation>{figures} (số liệu ngày {day})</translation>
    </message>
</context>
<context>
    <name>OrgDialog</name>
    <message>
        <source>Edit organisation</source>
        <translation>Sửa đơn vị</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Thêm đơn vị</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(chưa xác định)</translation>
    </message>
    <message>
        <source>none (top level)</source>
        <translation>không có (cấp cao nhất)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <source>&amp;Top level</source>
        <translation>Cấp cao &amp;nhất</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên đơn vị:</translation>
    </message>
    <message>
        <source>Corrects the name everywhere, also in the past. For a real renaming from a date use “Rename…”.</source>
        <translation>Sửa tên ở mọi nơi, kể cả các kỳ trước. Nếu đơn vị đổi tên từ một ngày, hãy dùng «Đổi tên…».</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>Tên &amp;viết tắt:</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>&amp;Mã đơn vị:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>Loạ&amp;i hình:</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Đơn vị cấp trên:</translation>
    </message>
    <message>
        <source>&amp;Founded on:</source>
        <translation>Ngà&amp;y thành lập:</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>Choose the parent organisation</source>
        <translation>Chọn đơn vị cấp trên</translation>
    </message>
</context>
<context>
    <name>OrgDialogs</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Reload the newest version now? What you typed in this window is replaced by it.</source>
        <translation>Tải lại bản mới nhất ngay bây giờ? Những gì đã nhập trong cửa sổ này sẽ được thay bằng bản mới nhất.</translation>
    </message>
</context>
<context>
    <name>OrgFiles</name>
    <message>
        <source>&amp;Import organisation list from Excel…</source>
        <translation>Nhập &amp;danh sách đơn vị từ Excel…</translation>
    </message>
    <message>
        <source>E&amp;xport organisation list to Excel…</source>
        <translation>&amp;Xuất danh sách đơn vị ra Excel…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất ra Excel…</translation>
    </message>
    <message>
        <source>Export the organisation list</source>
        <translation>Xuất danh sách đơn vị</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the organisation list…</source>
        <translation>Đang xuất danh sách đơn vị…</translation>
    </message>
    <message>
        <source>{count} organisations were exported to “{file}”.</source>
        <translation>Đã xuất {count} đơn vị ra tệp «{file}».</translation>
    </message>
    <message>
        <source>The organisation list was not exported</source>
        <translation>Chưa xuất được danh sách đơn vị</translation>
    </message>
</context>
<context>
    <name>OrgImportDialog</name>
    <message>
        <source>Import the organisation list from Excel</source>
        <translation>Nhập danh sách đơn vị từ Excel</translation>
    </message>
    <message>
        <source>no file chosen (.xlsx)</source>
        <translation>chưa chọn tệp (.xlsx)</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <source>S&amp;heet:</source>
        <translation>&amp;Trang tính:</translation>
    </message>
    <message>
        <source>Figures as of &amp;date:</source>
        <translation>Số liệu tính đến &amp;ngày:</translation>
    </message>
    <message>
        <source>Pre&amp;view again</source>
        <translation>&amp;Xem trước lại</translation>
    </message>
    <message>
        <source>Match &amp;columns…</source>
        <translation>&amp;Ghép cột…</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Áp dụng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Choose the Excel file with the organisation list</source>
        <translation>Chọn tệp Excel có danh sách đơn vị</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Tệp Excel (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Reading “{file}”…</source>
        <translation>Đang đọc «{file}»…</translation>
    </message>
    <message>
        <source>Reading the Excel file…</source>
        <translation>Đang đọc tệp Excel…</translation>
    </message>
    <message>
        <source>(ignore this column)</source>
        <translation>(bỏ qua cột này)</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>(không có tiêu đề)</translation>
    </message>
    <message>
        <source>The options changed: press “Preview again” to see what the import would do.</source>
        <translation>Đã thay đổi lựa chọn: bấm «Xem trước lại» để xem việc nhập sẽ thay đổi những gì.</translation>
    </message>
    <message>
        <source>Row {row} skipped: {reason}</source>
        <translation>Bỏ qua dòng {row}: {reason}</translation>
    </message>
    <message>
        <source>Choose the Excel file (.xlsx) with the list of organisations. Nothing is written before you have seen what would change and pressed “Apply”.</source>
        <translation>Chọn tệp Excel (.xlsx) có danh sách đơn vị. Chưa có gì được ghi cho đến khi bạn xem trước các thay đổi và bấm «Áp dụng».</translation>
    </message>
    <message>
        <source>“{file}”, sheet “{sheet}”: headers on row {header}, {rows} organisations read. New {creates}, changed {updates}, unchanged {unchanged}; new party cell and member figures {figures}.</source>
        <translation>Tệp «{file}», trang tính «{sheet}»: tiêu đề cột ở dòng {header}, đọc {rows} đơn vị. Tạo mới {creates}, cập nhật {updates}, không đổi {unchanged}; số chi bộ, đảng viên mới: {figures}.</translation>
    </message>
    <message>
        <source>Nothing to change: the database already matches the file.</source>
        <translation>Không có gì thay đổi: dữ liệu đã khớp với tệp.</translation>
    </message>
    <message>
        <source>The file has {count} problems.</source>
        <translation>Tệp có {count} lỗi.</translation>
    </message>
    <message>
        <source>Nothing will be written until they are fixed in Excel; then press “Preview again”.</source>
        <translation>Chưa ghi gì vào cơ sở dữ liệu cho đến khi các lỗi này được sửa trong Excel; sửa xong, lưu tệp rồi bấm «Xem trước lại».</translation>
    </message>
    <message>
        <source>&amp;Problems ({count})</source>
        <translation>&amp;Lỗi ({count})</translation>
    </message>
    <message>
        <source>&amp;New ({count})</source>
        <translation>Tạo &amp;mới ({count})</translation>
    </message>
    <message>
        <source>Chan&amp;ges ({count})</source>
        <translation>T&amp;hay đổi ({count})</translation>
    </message>
    <message>
        <source>F&amp;igures ({count})</source>
        <translation>&amp;Số chi bộ, đảng viên ({count})</translation>
    </message>
    <message>
        <source>&amp;Notes ({count})</source>
        <translation>Lư&amp;u ý ({count})</translation>
    </message>
    <message>
        <source>Writing to the database…</source>
        <translation>Đang ghi vào cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Importing the organisation list…</source>
        <translation>Đang nhập danh sách đơn vị…</translation>
    </message>
    <message>
        <source>Import finished: {created} organisations created, {updated} changed, new figures for {figures}.</source>
        <translation>Đã nhập xong: tạo mới {created} đơn vị, cập nhật {updated} đơn vị, số chi bộ, đảng viên mới của {figures} đơn vị.</translation>
    </message>
    <message>
        <source>Preview the file again now?</source>
        <translation>Xem trước lại tệp ngay bây giờ?</translation>
    </message>
</context>
<context>
    <name>OrgPageActions</name>
    <message>
        <source>&amp;New organisation</source>
        <translation>&amp;Thêm đơn vị</translation>
    </message>
    <message>
        <source>New organisation under the selected one</source>
        <translation>Thêm đơn vị trực thuộc đơn vị đang chọn</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Đổ&amp;i tên…</translation>
    </message>
    <message>
        <source>M&amp;ove to another parent…</source>
        <translation>&amp;Chuyển đơn vị cấp trên…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Chuyển cấp trên…</translation>
    </message>
    <message>
        <source>Mer&amp;ge…</source>
        <translation>Sáp &amp;nhập…</translation>
    </message>
    <message>
        <source>D&amp;issolve…</source>
        <translation>&amp;Giải thể…</translation>
    </message>
    <message>
        <source>Party &amp;cells and members…</source>
        <translation>Số chi bộ, đảng &amp;viên…</translation>
    </message>
    <message>
        <source>Show in &amp;tree</source>
        <translation>&amp;Hiện trong cây</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Danh sách</translation>
    </message>
    <message>
        <source>Every organisation in one sortable list</source>
        <translation>Mọi đơn vị trong một danh sách, bấm tiêu đề cột để sắp xếp</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
</context>
<context>
    <name>OrgPicker</name>
    <message>
        <source>Name, short name or code (accents not needed)</source>
        <translation>Tên, tên viết tắt hoặc mã đơn vị (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>Tì&amp;m:</translation>
    </message>
</context>
<context>
    <name>OrgPickerDialog</name>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
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
        <translation>Tì&amp;m:</translation>
    </message>
    <message>
        <source>As of d&amp;ate:</source>
        <translation>Tính đến n&amp;gày:</translation>
    </message>
    <message>
        <source>Toda&amp;y</source>
        <translation>Hôm na&amp;y</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Chi tiết</translation>
    </message>
    <message>
        <source>Reci&amp;pient groups</source>
        <translation>&amp;Nơi nhận</translation>
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
    <message>
        <source>Reading the list…</source>
        <translation>Đang đọc danh sách…</translation>
    </message>
    <message>
        <source>{count} organisations</source>
        <translation>{count} đơn vị</translation>
    </message>
    <message>
        <source>As it stood on {day}</source>
        <translation>Đang xem theo ngày {day}</translation>
    </message>
</context>
<context>
    <name>ParentChooser</name>
    <message>
        <source>none (not issued to implement another one)</source>
        <translation>không có (văn bản này không triển khai văn bản nào)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Bỏ liên kết</translation>
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
    <name>RecipientChooser</name>
    <message>
        <source>, in {parent}</source>
        <translation>, thuộc {parent}</translation>
    </message>
    <message>
        <source>{name} — {count} organisations</source>
        <translation>{name} — {count} đơn vị</translation>
    </message>
    <message>
        <source>Name, short name or code (accents not needed)</source>
        <translation>Tên, tên viết tắt hoặc mã đơn vị (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <source>&amp;Remove from the list</source>
        <translation>&amp;Bỏ chọn</translation>
    </message>
    <message>
        <source>&amp;Groups (as of {date}):</source>
        <translation>&amp;Nhóm nơi nhận (ngày {date}):</translation>
    </message>
    <message>
        <source>&amp;Find an organisation:</source>
        <translation>&amp;Tìm đơn vị:</translation>
    </message>
    <message>
        <source>C&amp;hosen:</source>
        <translation>Đã &amp;chọn:</translation>
    </message>
    <message>
        <source>First {count} found; type more to narrow down</source>
        <translation>{count} kết quả đầu tiên; gõ thêm để thu hẹp</translation>
    </message>
    <message>
        <source>{count} found (Space ticks one)</source>
        <translation>Tìm thấy {count} (phím cách để đánh dấu)</translation>
    </message>
</context>
<context>
    <name>RecipientMatchModel</name>
    <message>
        <source>Chosen from the list</source>
        <translation>Chọn từ danh sách</translation>
    </message>
    <message>
        <source>Left as printed text by the clerk</source>
        <translation>Người dùng chọn chỉ in</translation>
    </message>
    <message>
        <source>Skip (print only)</source>
        <translation>Bỏ qua (chỉ in)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Printed only</source>
        <translation>Chỉ in</translation>
    </message>
    <message>
        <source>Printed line</source>
        <translation>Dòng in</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Matched to</source>
        <translation>Nhóm, đơn vị</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Suggested: {name}</source>
        <translation>Gợi ý: {name}</translation>
    </message>
    <message>
        <source>Chosen by the clerk</source>
        <translation>Người dùng chọn</translation>
    </message>
</context>
<context>
    <name>RecipientsDialog</name>
    <message>
        <source>{n} groups</source>
        <translation>{n} nhóm</translation>
    </message>
    <message>
        <source>{n} organisations</source>
        <translation>{n} đơn vị</translation>
    </message>
    <message>
        <source>{n} printed-only lines</source>
        <translation>{n} dòng chỉ in</translation>
    </message>
    <message>
        <source>Recipients (Nơi nhận) as of {date}</source>
        <translation>Nơi nhận (tính theo ngày {date})</translation>
    </message>
    <message>
        <source>Nơi nhận:
- Các đảng bộ trực thuộc Tỉnh ủy;
- …
- Lưu Văn phòng Tỉnh ủy.</source>
        <translation>Nơi nhận:
- Các đảng bộ trực thuộc Tỉnh ủy;
- …
- Lưu Văn phòng Tỉnh ủy.</translation>
    </message>
    <message>
        <source>&amp;Paste the «Nơi nhận:» block of the document here:</source>
        <translation>&amp;Dán khối «Nơi nhận:» của văn bản vào đây:</translation>
    </message>
    <message>
        <source>&amp;Match (Ctrl+Enter)</source>
        <translation>Đối &amp;chiếu (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Result (F2 changes a row: choose a suggestion or «print only»):</source>
        <translation>&amp;Kết quả (F2 để đổi một dòng: chọn gợi ý hoặc «Bỏ qua (chỉ in)»):</translation>
    </message>
    <message>
        <source>&amp;1. Choose groups, organisations</source>
        <translation>&amp;1. Chọn nhóm, đơn vị</translation>
    </message>
    <message>
        <source>&amp;2. Paste from the document</source>
        <translation>&amp;2. Dán từ văn bản</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>No recipient line was found. Paste the whole block, one recipient per line starting with «-».</source>
        <translation>Không tìm thấy dòng nơi nhận nào. Hãy dán cả khối, mỗi nơi nhận một dòng bắt đầu bằng «-».</translation>
    </message>
    <message>
        <source>Matching the recipients…</source>
        <translation>Đang đối chiếu nơi nhận…</translation>
    </message>
    <message>
        <source>Replace the recipients chosen by hand with the result of the match?</source>
        <translation>Thay các nơi nhận đã chọn tay bằng kết quả đối chiếu?</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>No good backup was found in {folder}. The file was left as it is; ask the person who supports the program for help.</source>
        <translation>Không tìm thấy bản sao lưu tốt nào trong thư mục {folder}. Tệp dữ liệu được giữ nguyên; hãy nhờ người hỗ trợ chương trình giúp đỡ.</translation>
    </message>
    <message>
        <source>Restore the newest good backup, {name}? The damaged file is kept aside under a new name.</source>
        <translation>Khôi phục từ bản sao lưu tốt gần nhất, {name}? Tệp bị hỏng được giữ lại dưới tên mới.</translation>
    </message>
    <message>
        <source>The data was restored from {name}. The damaged file was kept as {aside}.</source>
        <translation>Đã khôi phục dữ liệu từ {name}. Tệp bị hỏng được giữ lại ở {aside}.</translation>
    </message>
</context>
<context>
    <name>RegisterFilters</name>
    <message>
        <source>All types</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <source>All issuing bodies</source>
        <translation>Mọi cơ quan</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>Y&amp;ear:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>Iss&amp;ued by:</source>
        <translation>&amp;Cơ quan:</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Mọi năm</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename organisation</source>
        <translation>Đổi tên đơn vị</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation>Tên &amp;mới:</translation>
    </message>
    <message>
        <source>New s&amp;hort name:</source>
        <translation>Tên &amp;viết tắt mới:</translation>
    </message>
    <message>
        <source>Documents and reports dated before this day keep showing the old name.</source>
        <translation>Văn bản và báo cáo của các kỳ trước ngày này vẫn ghi tên cũ.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Export a Word document</source>
        <translation>Xuất văn bản Word</translation>
    </message>
    <message>
        <source>Empty: the date of the report</source>
        <translation>Để trống: lấy ngày báo cáo</translation>
    </message>
    <message>
        <source>Next number of the outgoing register</source>
        <translation>Lấy số tiếp theo trong sổ văn bản đi</translation>
    </message>
    <message>
        <source>Leave blank for the records clerk</source>
        <translation>Để trống cho văn thư ghi số</translation>
    </message>
    <message>
        <source>This number:</source>
        <translation>Số này:</translation>
    </message>
    <message>
        <source>the office's default</source>
        <translation>mặc định của cơ quan</translation>
    </message>
    <message>
        <source>One letter with the list of late organisations</source>
        <translation>Một công văn kèm danh sách các đơn vị chậm</translation>
    </message>
    <message>
        <source>One letter per organisation, in one file</source>
        <translation>Mỗi đơn vị một công văn, chung một tệp</translation>
    </message>
    <message>
        <source>One letter per organisation, one file each</source>
        <translation>Mỗi đơn vị một công văn, mỗi công văn một tệp</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>&amp;Loại văn bản:</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Văn bản được báo cáo:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>Khoảng thời &amp;gian:</translation>
    </message>
    <message>
        <source>&amp;Letters:</source>
        <translation>&amp;Cách gửi công văn:</translation>
    </message>
    <message>
        <source>Date of the &amp;report:</source>
        <translation>Ngày &amp;báo cáo:</translation>
    </message>
    <message>
        <source>Figures &amp;as of:</source>
        <translation>Số liệu &amp;tính đến:</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Số văn bản:</translation>
    </message>
    <message>
        <source>Signing a&amp;uthority:</source>
        <translation>&amp;Quyền hạn ký:</translation>
    </message>
    <message>
        <source>Signer's &amp;title:</source>
        <translation>C&amp;hức vụ người ký:</translation>
    </message>
    <message>
        <source>&amp;Signer:</source>
        <translation>Người &amp;ký:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Mẫu thể thức:</translation>
    </message>
    <message>
        <source>The o&amp;ffice…</source>
        <translation>Cơ q&amp;uan…</translation>
    </message>
    <message>
        <source>Header lines, symbol, place and signer printed by every output</source>
        <translation>Các dòng tên, ký hiệu, địa danh và người ký in trên mọi văn bản</translation>
    </message>
    <message>
        <source>Edit the &amp;Word template…</source>
        <translation>Sửa mẫu &amp;Word…</translation>
    </message>
    <message>
        <source>Opens your own copy of this output's template in Word; your copy is used from then on</source>
        <translation>Mở bản sao mẫu của loại văn bản này trong Word; từ đó chương trình dùng bản đã sửa</translation>
    </message>
    <message>
        <source>Restore the &amp;default template</source>
        <translation>Khôi &amp;phục mẫu mặc định</translation>
    </message>
    <message>
        <source>&amp;Figures that will be printed:</source>
        <translation>Số liệu sẽ &amp;in:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất tệp…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Template: your edited copy ({path})</source>
        <translation>Mẫu đang dùng: bản đã sửa ({path})</translation>
    </message>
    <message>
        <source>Template: the default one</source>
        <translation>Mẫu đang dùng: mẫu mặc định</translation>
    </message>
    <message>
        <source>Open this file in Word to edit it: {path} ({error})</source>
        <translation>Hãy mở tệp này trong Word để sửa: {path} ({error})</translation>
    </message>
    <message>
        <source>Choose the document first.</source>
        <translation>Hãy chọn văn bản được báo cáo trước.</translation>
    </message>
    <message>
        <source>the report date</source>
        <translation>ngày báo cáo</translation>
    </message>
    <message>
        <source>the figures' date</source>
        <translation>ngày tính số liệu</translation>
    </message>
    <message>
        <source>the period</source>
        <translation>khoảng thời gian</translation>
    </message>
    <message>
        <source>Check {what}: {problem}</source>
        <translation>Kiểm tra lại {what}: {problem}</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Đang tính số liệu…</translation>
    </message>
    <message>
        <source>The figures could not be read.</source>
        <translation>Không đọc được số liệu.</translation>
    </message>
    <message>
        <source>Folder for the letters</source>
        <translation>Thư mục lưu các công văn</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Văn bản Word (*.docx)</translation>
    </message>
    <message>
        <source>Writing the Word document…</source>
        <translation>Đang ghi văn bản Word…</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>Đã hủy; không có tệp nào được ghi.</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Lưu tên &amp;khác…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>&amp;Document:</source>
        <extracomment>a matrix cell was clicked or Enter was pressed on it: (document id, organisation id)</extracomment>
        <translation>&amp;Văn bản:</translation>
    </message>
    <message>
        <source>&amp;Word report…</source>
        <translation>Xuất báo cáo &amp;Word…</translation>
    </message>
    <message>
        <source>Report, reminder letters, registers in the official format (Ctrl+Shift+W)</source>
        <translation>Báo cáo, công văn đôn đốc, sổ theo dõi đúng thể thức (Ctrl+Shift+W)</translation>
    </message>
    <message>
        <source>&amp;Reminder letters…</source>
        <translation>Côn&amp;g văn đôn đốc…</translation>
    </message>
    <message>
        <source>Letters to the organisations that have not reported on this document</source>
        <translation>Công văn gửi các đơn vị chưa báo cáo về văn bản này</translation>
    </message>
    <message>
        <source>These are the figures section I of the Word report prints (“Word report…” above).</source>
        <translation>Đây là số liệu mục I của báo cáo Word sẽ in (nút «Xuất báo cáo Word…» ở trên).</translation>
    </message>
    <message>
        <source>&amp;Coverage by group</source>
        <translation>Tổng hợp th&amp;eo nhóm</translation>
    </message>
    <message>
        <source>&amp;Progress of the document</source>
        <translation>T&amp;iến độ văn bản</translation>
    </message>
    <message>
        <source>&amp;Matrix organisations × documents</source>
        <translation>&amp;Ma trận đơn vị × văn bản</translation>
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
    <name>Safety</name>
    <message>
        <source>Read-only</source>
        <translation>Chỉ đọc</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>The &amp;office (header, symbol, signer)…</source>
        <translation>Thông tin cơ &amp;quan (tiêu đề, ký hiệu, người ký)…</translation>
    </message>
    <message>
        <source>What the Word reports print in their header and signature block</source>
        <translation>Những gì báo cáo Word in ở phần đầu và phần chữ ký</translation>
    </message>
    <message>
        <source>Working &amp;calendar (days off, make-up days)…</source>
        <translation>&amp;Lịch làm việc (ngày nghỉ, ngày làm bù)…</translation>
    </message>
    <message>
        <source>The holidays working-day deadlines count with; check each new year</source>
        <translation>Các ngày nghỉ dùng để tính hạn theo ngày làm việc; kiểm tra lại mỗi năm</translation>
    </message>
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
        <source>Backups are kept in: {folder}</source>
        <translation>Bản sao lưu được giữ ở: {folder}</translation>
    </message>
    <message>
        <source>{name} ({code}), not tracked</source>
        <translation>{name} ({code}), không theo dõi</translation>
    </message>
    <message>
        <source>{name} (party cell)</source>
        <translation>{name} (là chi bộ)</translation>
    </message>
    <message>
        <source>Delete “{name}” from the list?</source>
        <translation>Xóa «{name}» khỏi danh mục?</translation>
    </message>
    <message>
        <source>Nothing uses it yet. It can be added again later with “Add…”.</source>
        <translation>Chưa có gì dùng mục này. Sau này có thể thêm lại bằng nút «Thêm…».</translation>
    </message>
    <message>
        <source>Backups and checks</source>
        <translation>Sao lưu và kiểm tra</translation>
    </message>
    <message>
        <source>Backed up and verified: {path}</source>
        <translation>Đã sao lưu và kiểm tra lại: {path}</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>Thư mục chứa bản sao lưu</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3 *.pgdump)</source>
        <translation>Bản sao lưu (*.sqlite3 *.pgdump)</translation>
    </message>
    <message>
        <source>Replace the data with the backup {name}? The current data is backed up first; the program closes afterwards and opens the restored data the next time it starts.</source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu {name}? Dữ liệu hiện tại được sao lưu trước; sau đó chương trình đóng lại và lần mở sau sẽ dùng dữ liệu đã khôi phục.</translation>
    </message>
    <message>
        <source>The data was restored. The state before the restore was kept as {path}. The program will now close; start it again.</source>
        <translation>Đã khôi phục dữ liệu. Trạng thái trước khi khôi phục được giữ ở {path}. Chương trình sẽ đóng lại; hãy mở lại.</translation>
    </message>
    <message>
        <source>The data is intact.</source>
        <translation>Dữ liệu toàn vẹn.</translation>
    </message>
    <message>
        <source>{count} checks failed: back up the file and contact the person who supports the program.</source>
        <translation>Có {count} mục không đạt: hãy sao lưu tệp dữ liệu và liên hệ người hỗ trợ chương trình.</translation>
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
        <source>&amp;Back up now</source>
        <translation>Sa&amp;o lưu ngay</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Khôi phục…</translation>
    </message>
    <message>
        <source>Backup &amp;folder…</source>
        <translation>Thư &amp;mục sao lưu…</translation>
    </message>
    <message>
        <source>C&amp;heck the data</source>
        <translation>Kiểm tra &amp;dữ liệu</translation>
    </message>
    <message>
        <source>Add an organisation kind (Insert)</source>
        <translation>Thêm loại hình đơn vị (Ins)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Rename the selected kind or change whether it is a party cell (Enter, F2)</source>
        <translation>Đổi tên loại hình đang chọn hoặc đổi việc tính là chi bộ (Enter, F2)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete the selected kind, if no organisation uses it (Delete)</source>
        <translation>Xóa loại hình đang chọn, nếu chưa đơn vị nào dùng (Delete)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Move the selected kind up (Ctrl+Up)</source>
        <translation>Chuyển loại hình đang chọn lên trên (Ctrl+↑)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Lên</translation>
    </message>
    <message>
        <source>Move the selected kind down (Ctrl+Down)</source>
        <translation>Chuyển loại hình đang chọn xuống dưới (Ctrl+↓)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Xuống</translation>
    </message>
    <message>
        <source>Add a document type (Insert)</source>
        <translation>Thêm loại văn bản (Ins)</translation>
    </message>
    <message>
        <source>Rename the selected type, change its abbreviation or whether it is tracked (Enter, F2)</source>
        <translation>Đổi tên, ký hiệu của loại văn bản đang chọn hoặc đổi việc theo dõi thực hiện (Enter, F2)</translation>
    </message>
    <message>
        <source>Delete the selected type, if no document uses it (Delete)</source>
        <translation>Xóa loại văn bản đang chọn, nếu chưa văn bản nào dùng (Delete)</translation>
    </message>
    <message>
        <source>Move the selected type up (Ctrl+Up)</source>
        <translation>Chuyển loại văn bản đang chọn lên trên (Ctrl+↑)</translation>
    </message>
    <message>
        <source>Move the selected type down (Ctrl+Down)</source>
        <translation>Chuyển loại văn bản đang chọn xuống dưới (Ctrl+↓)</translation>
    </message>
    <message>
        <source>Insert adds, Enter or F2 edits, Delete removes an entry nothing uses yet, Ctrl+Up and Ctrl+Down move it. This order is the order of the drop-down lists.</source>
        <translation>Ins: thêm; Enter hoặc F2: sửa; Delete: xóa mục chưa được dùng; Ctrl+↑, Ctrl+↓: chuyển lên, xuống. Thứ tự ở đây là thứ tự trong các ô chọn.</translation>
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
        <translation>Loại &amp;hình đơn vị</translation>
    </message>
    <message>
        <source>Document &amp;types</source>
        <translation>Loại &amp;văn bản</translation>
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
    <name>StatsExportDialog</name>
    <message>
        <source>Export a statistics workbook (Excel)</source>
        <translation>Xuất bảng thống kê Excel</translation>
    </message>
    <message>
        <source>One document: a summary and one sheet per group</source>
        <translation>Một văn bản: trang tổng hợp và mỗi nhóm một trang</translation>
    </message>
    <message>
        <source>One year: one line per document</source>
        <translation>Một năm: mỗi văn bản một dòng</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Loại biểu:</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Văn bản:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>Figures &amp;as of:</source>
        <translation>Số liệu &amp;tính đến:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất tệp…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Choose the document first.</source>
        <translation>Hãy chọn văn bản trước.</translation>
    </message>
    <message>
        <source>Export a statistics workbook</source>
        <translation>Xuất bảng thống kê</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the statistics workbook…</source>
        <translation>Đang ghi bảng thống kê…</translation>
    </message>
    <message>
        <source>The statistics of {count} documents of {year} were exported.</source>
        <translation>Đã xuất số liệu của {count} văn bản năm {year}.</translation>
    </message>
    <message>
        <source>The statistics of {document} were exported: {sheets} sheets, {lines} organisations.</source>
        <translation>Đã xuất số liệu văn bản {document}: {sheets} trang tính, {lines} đơn vị.</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Lưu tên &amp;khác…</translation>
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
    <name>TrackingFilterBar</name>
    <message>
        <source>Name, short name or code (accents optional)</source>
        <translation>Tên, tên viết tắt hoặc mã (gõ có dấu hay không dấu đều được)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>Chỉ đơn vị &amp;quá hạn</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Mọi nhóm</translation>
    </message>
    <message>
        <source>(in no group)</source>
        <translation>(không thuộc nhóm nào)</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Mọi cấp</translation>
    </message>
    <message>
        <source>Level {n}</source>
        <translation>Cấp {n}</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <source>Sa&amp;ve filter…</source>
        <translation>Lư&amp;u bộ lọc…</translation>
    </message>
    <message>
        <source>Delete filter</source>
        <translation>Xóa bộ lọc</translation>
    </message>
    <message>
        <source>Clear fi&amp;lters</source>
        <translation>Bỏ &amp;hết lọc</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>Tì&amp;m:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Tình t&amp;rạng:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Nhóm:</translation>
    </message>
    <message>
        <source>Le&amp;vel:</source>
        <translation>Cấ&amp;p:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại đơn vị:</translation>
    </message>
    <message>
        <source>Saved filte&amp;rs:</source>
        <translation>&amp;Bộ lọc đã lưu:</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Lưu bộ lọc</translation>
    </message>
    <message>
        <source>Name of this filter:</source>
        <translation>Tên bộ lọc:</translation>
    </message>
</context>
<context>
    <name>TrackingGridModel</name>
    <message>
        <source>Organisation</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Ngày gửi</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Hình thức gửi</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Studied on</source>
        <translation>Ngày học tập</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Số buổi</translation>
    </message>
    <message>
        <source>Cells held</source>
        <translation>Chi bộ đã học</translation>
    </message>
    <message>
        <source>Cells total</source>
        <translation>Tổng chi bộ</translation>
    </message>
    <message>
        <source>Members attending</source>
        <translation>Đảng viên dự</translation>
    </message>
    <message>
        <source>Members total</source>
        <translation>Tổng đảng viên</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Non-members</source>
        <translation>Quần chúng</translation>
    </message>
    <message>
        <source>Plan no.</source>
        <translation>KH số</translation>
    </message>
    <message>
        <source>Plan date</source>
        <translation>KH ngày</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>KH trạng thái</translation>
    </message>
    <message>
        <source>Report no.</source>
        <translation>BC số</translation>
    </message>
    <message>
        <source>Report received</source>
        <translation>BC ngày nhận</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>BC trạng thái</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Số ngày quá hạn</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Computed; cannot be edited</source>
        <translation>Tự tính; không sửa được</translation>
    </message>
    <message>
        <source>Space, Enter or a double click: collapse or expand; a bulk action on this line applies to every row of the block</source>
        <translation>Phím cách, Enter hoặc nháy đúp: thu gọn hoặc mở rộng; thao tác hàng loạt trên dòng này áp dụng cho mọi dòng của khối</translation>
    </message>
    <message>
        <source>(deleted; press F5)</source>
        <translation>(đã bị xóa; bấm F5)</translation>
    </message>
    <message>
        <source>{count} organisations</source>
        <translation>{count} đơn vị</translation>
    </message>
    <message>
        <source>, {late} overdue</source>
        <translation>, {late} quá hạn</translation>
    </message>
</context>
<context>
    <name>TrackingGridPanel</name>
    <message>
        <source>Type part of the number or excerpt, then Enter</source>
        <translation>Gõ một phần số, ký hiệu hoặc trích yếu rồi bấm Enter</translation>
    </message>
    <message>
        <source>By recipient group</source>
        <translation>Theo nhóm nơi nhận</translation>
    </message>
    <message>
        <source>By top-level organisation</source>
        <translation>Theo đơn vị trực thuộc</translation>
    </message>
    <message>
        <source>Show the rows in collapsible blocks (Space on a block's line collapses or expands it)</source>
        <translation>Xếp các dòng thành từng khối thu gọn được (Phím cách trên dòng tiêu đề khối để thu gọn hoặc mở rộng)</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Văn bản:</translation>
    </message>
    <message>
        <source>No blocks</source>
        <translation>Không chia khối</translation>
    </message>
    <message>
        <source>&amp;Blocks:</source>
        <translation>&amp;Khối:</translation>
    </message>
    <message>
        <source>E&amp;xcel forms</source>
        <translation>Phiếu &amp;Excel</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Mark &amp;received…</source>
        <translation>Đánh dấu đã &amp;nhận…</translation>
    </message>
    <message>
        <source>Set study &amp;session…</source>
        <translation>Ghi ngày &amp;học tập…</translation>
    </message>
    <message>
        <source>Mark re&amp;ported…</source>
        <translation>Đánh dấu đã &amp;báo cáo…</translation>
    </message>
    <message>
        <source>&amp;Clear fields…</source>
        <translation>&amp;Xóa trắng các ô…</translation>
    </message>
    <message>
        <source>&amp;Delete rows</source>
        <translation>Xóa &amp;dòng</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Tải &amp;lại</translation>
    </message>
    <message>
        <source>{shown} of {total} rows; {late} overdue</source>
        <translation>{shown}/{total} dòng; {late} quá hạn</translation>
    </message>
    <message>
        <source>Saved: {what}.</source>
        <translation>Đã lưu: {what}.</translation>
    </message>
    <message>
        <source>Done: {what}.</source>
        <translation>Đã thực hiện: {what}.</translation>
    </message>
    <message>
        <source>Reload the rows to see what is stored now?</source>
        <translation>Tải lại các dòng để xem dữ liệu đang lưu?</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Tải &amp;lại</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Để sau</translation>
    </message>
    <message>
        <source>{count} rows deleted; Ctrl+Z puts them back.</source>
        <translation>Đã xóa {count} dòng; bấm Ctrl+Z để đặt lại.</translation>
    </message>
    <message>
        <source>Updating {count} rows…</source>
        <translation>Đang cập nhật {count} dòng…</translation>
    </message>
    <message>
        <source>Updating the selected rows…</source>
        <translation>Đang cập nhật các dòng đã chọn…</translation>
    </message>
</context>
<context>
    <name>TrackingPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>Tải &amp;lại</translation>
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
        <source>&amp;Tracking grid</source>
        <translation>Bảng theo &amp;dõi</translation>
    </message>
    <message>
        <source>&amp;Overview of all documents</source>
        <translation>Tổng quan &amp;các văn bản</translation>
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
    <name>VocabDialog</name>
    <message>
        <source>Edit document type</source>
        <translation>Sửa loại văn bản</translation>
    </message>
    <message>
        <source>New document type</source>
        <translation>Thêm loại văn bản</translation>
    </message>
    <message>
        <source>Edit organisation kind</source>
        <translation>Sửa loại hình đơn vị</translation>
    </message>
    <message>
        <source>New organisation kind</source>
        <translation>Thêm loại hình đơn vị</translation>
    </message>
    <message>
        <source>for example QC, QĐi, CTr</source>
        <translation>ví dụ QC, QĐi, CTr</translation>
    </message>
    <message>
        <source>&amp;Tracked: organisations study it, carry it out and report on it</source>
        <translation>Theo &amp;dõi thực hiện: các đơn vị học tập, triển khai và báo cáo</translation>
    </message>
    <message>
        <source>Untick for types that are only filed, such as reports and submissions.</source>
        <translation>Bỏ chọn với loại văn bản chỉ để lưu, như báo cáo, tờ trình.</translation>
    </message>
    <message>
        <source>Each organisation of this kind is a party &amp;cell</source>
        <translation>Mỗi đơn vị thuộc loại hình này là một &amp;chi bộ</translation>
    </message>
    <message>
        <source>It then counts as one party cell in the “party cells” denominators (cells that studied out of all cells) of the documents assigned to it from now on.</source>
        <translation>Khi đó đơn vị được tính là 1 chi bộ trong mẫu số «chi bộ» (số chi bộ đã học tập trên tổng số chi bộ) của các văn bản giao cho đơn vị từ nay về sau.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Abbreviation:</source>
        <translation>&amp;Ký hiệu:</translation>
    </message>
    <message>
        <source>Internal code:</source>
        <translation>Mã nội bộ:</translation>
    </message>
    <message>
        <source>Used by filters and imports: made from the name when the kind is added, and never changed.</source>
        <translation>Dùng trong bộ lọc và khi nhập danh sách: tạo từ tên khi thêm loại hình và không bao giờ đổi.</translation>
    </message>
    <message>
        <source>(made from the name)</source>
        <translation>(tạo từ tên khi lưu)</translation>
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
        <source>To start with your own data, import the list of organisations from the Excel file your office keeps (name, parent, kind, party cells, members…). You will see what would be created before anything is written.</source>
        <translation>Để bắt đầu với dữ liệu của cơ quan, hãy nhập danh sách đơn vị từ tệp Excel đang dùng (tên, đơn vị cấp trên, loại hình, số chi bộ, số đảng viên…). Chương trình cho xem trước những gì sẽ được tạo rồi mới ghi.</translation>
    </message>
    <message>
        <source>&amp;Create sample data</source>
        <translation>Tạo &amp;dữ liệu mẫu</translation>
    </message>
    <message>
        <source>&amp;Import the organisation list from Excel…</source>
        <translation>&amp;Nhập danh sách đơn vị từ Excel…</translation>
    </message>
    <message>
        <source>Creating sample data…</source>
        <translation>Đang tạo dữ liệu mẫu…</translation>
    </message>
    <message>
        <source>The organisation list was imported.</source>
        <translation>Đã nhập danh sách đơn vị.</translation>
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
