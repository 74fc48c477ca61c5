#!/usr/bin/env python3
"""Writes the platform export fixtures in this folder (run: python3 make_fixtures.py).

The files imitate the platforms' export templates (headers from shared/platforms.md §1.5, §2.3, §3.4):
GB18030 and UTF-8(+BOM) encodings, ids padded with a leading tab or apostrophe or written as ="…",
拼多多's tab-padded cells, and buyer personal data (fake) in the PII columns, which the importer must never
store. The XLSX is written by hand with a shared-string table, as Excel writes it.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def csv_line(cells):
    out = []
    for c in cells:
        c = str(c)
        if any(x in c for x in [',', '"', '\n', '\r']):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ','.join(out) + '\r\n'


def write(name, text, encoding, bom=False):
    data = text.encode(encoding)
    if bom:
        data = b'\xef\xbb\xbf' + data
    with open(os.path.join(HERE, name), 'wb') as f:
        f.write(data)


# 抖店 订单导出, GB18030, no BOM, ids with a leading tab or apostrophe; two items in the first order.
DOUYIN_ORDER_HEADER = ['主订单编号', '子订单编号', '选购商品', '商品ID', '商家编码', '商品数量', '商品单价', '商品金额',
                       '订单应付金额', '运费', '订单提交时间', '支付完成时间', '订单完成时间', '发货时间', '快递信息',
                       '订单状态', '售后状态', '取消原因', '支付方式', '商家备注', '收件人', '收件地址', '收件人手机号',
                       '流量来源', '达人ID']
douyin_orders = [
    ['\t6931000000000000001', '\t6931000000000000011', '夏季新款连衣裙 黑色 XL', "'3671000000000000001", 'DRESS-01', '1',
     '89.00', '89.00', '128.00', '0.00', '2026-11-18 10:00:00', '2026-11-18 10:01:00', '2026-11-21 09:00:00',
     '2026-11-19 08:00:00', '中通快递 73123456789012', '已完成', '', '', '微信', '', '张三', '北京市朝阳区某某路1号',
     '13800000001', '直播', '123'],
    ['\t6931000000000000001', '\t6931000000000000012', '纯棉短袜 5双装', "'3671000000000000002", 'SOCK-05', '1',
     '39.00', '39.00', '128.00', '0.00', '2026-11-18 10:00:00', '2026-11-18 10:01:00', '2026-11-21 09:00:00',
     '2026-11-19 08:00:00', '中通快递 73123456789012', '已完成', '', '', '微信', '', '张三', '北京市朝阳区某某路1号',
     '13800000001', '直播', '123'],
    ['\t6931000000000000002', '\t6931000000000000021', '夏季新款连衣裙 白色 M', "'3671000000000000001", 'DRESS-01', '2',
     '89.00', '178.00', '178.00', '0.00', '2026-11-19 20:30:00', '2026-11-19 20:31:15', '', '', '', '待发货',
     '退款中', '', '支付宝', '加急', '李四', '上海市浦东新区某某路2号', '13900000002', '商品卡', ''],
    ['\t6931000000000000003', '\t6931000000000000031', '纯棉短袜 5双装', "'3671000000000000002", 'SOCK-05', '1',
     '39.00', '39.00', '39.00', '0.00', '2026-11-20 07:00:00', '', '', '', '', '已关闭', '', '超时未支付', '',
     '', '王五', '广州市天河区某某路3号', '13700000003', '', ''],
    ['', '\t6931000000000000041', '无主订单号的一行', '', '', '1', '', '', '', '', '2026-11-20 08:00:00', '', '', '',
     '', '待发货', '', '', '', '', '赵六', '深圳市南山区某某路4号', '13600000004', '', ''],
]
write('douyin-orders-gb18030.csv',
      csv_line(DOUYIN_ORDER_HEADER) + ''.join(csv_line(r) for r in douyin_orders), 'gb18030')

# 抖店 订单导出, older template (快递公司 column), UTF-8 with BOM, ids as ="…".
old_header = ['主订单编号', '子订单编号', '选购商品', '商品数量', '订单应付金额', '订单提交时间', '支付完成时间',
              '发货时间', '快递公司', '快递单号', '订单状态', '售后状态', '收件人', '收件人手机号']
old_rows = [
    ['="6931000000000000101"', '="6931000000000000111"', '保温杯 500ml', '1', '59.90', '2026/11/20 9:05',
     '2026/11/20 9:06', '2026/11/21 10:00', '圆通速递', '="YT0000000001"', '已发货', '', '孙七', '13500000005'],
]
write('douyin-orders-old-utf8bom.csv',
      csv_line(old_header) + ''.join(csv_line(r) for r in old_rows), 'utf-8', bom=True)

# 拼多多 订单导出, UTF-8, empty cells padded with a tab, ids tab-padded.
PDD_HEADER = ['商品', '订单号', '订单状态', '商品总价(元)', '店铺优惠折扣(元)', '平台优惠折扣(元)', '邮费(元)',
              '用户实付金额(元)', '商家实收金额(元)', '商品数量(件)', '支付时间', '拼单成功时间', '订单确认时间',
              '承诺发货时间', '发货时间', '确认收货时间', '商品id', '商品规格', '样式ID', '商家编码-SKU维度',
              '商家编码-商品维度', '商家备注', '买家留言', '售后状态', '快递单号', '快递公司', '收货人', '手机', '省',
              '市', '区', '街道']
pdd_rows = [
    ['加厚毛巾 3条装', '\t260410-662259689903207', '已发货，待签收', '29.90', '2.00', '1.00', '0.00', '26.90',
     '27.90', '1', '2026-04-10 12:00:01', '2026-04-10 12:00:05', '2026-04-10 12:00:05', '2026-04-12 12:00:05',
     '2026-04-11 09:00:00', '\t', '\t930005554830', '颜色:蓝色', '\t1234567890', '\t', '\t', '\t', '尽快发货',
     '无售后或售后取消', '\tYT1234567890', '圆通快递', '周八', '13400000006', '浙江省', '杭州市', '西湖区',
     '某某街道5号'],
    ['加厚毛巾 3条装', '\t260411-662259689903208', '已签收', '29.90', '0.00', '0.00', '0.00', '29.90', '29.90',
     '2', '2026-04-11 08:00:00', '2026-04-11 08:00:03', '2026-04-11 08:00:03', '2026-04-13 08:00:03',
     '2026-04-11 18:00:00', '2026-04-14 10:00:00', '\t930005554830', '颜色:白色', '\t1234567891', '\t', '\t',
     '\t', '\t', '退款成功', '\tZT9876543210', '中通快递', '吴九', '13300000007', '江苏省', '南京市', '鼓楼区',
     '某某街道6号'],
    ['加厚毛巾 3条装', '\t260412-662259689903209', '未发货，退款成功', '29.90', '0.00', '0.00', '0.00', '29.90',
     '29.90', '1', '2026-04-12 08:00:00', '2026-04-12 08:00:03', '2026-04-12 08:00:03', '2026-04-14 08:00:03',
     '\t', '\t', '\t930005554830', '颜色:蓝色', '\t1234567890', '\t', '\t', '\t', '\t', '退款成功', '\t', '\t',
     '郑十', '13200000008', '四川省', '成都市', '武侯区', '某某街道7号'],
    ['加厚毛巾 3条装', '\t260413-662259689903210', '已签收', '29.90', '0.00', '0.00', '0.00', '29.90', '29.90',
     '1', '2026-13-40 08:00:00', '', '', '', '', '', '\t930005554830', '颜色:蓝色', '\t1234567890', '\t', '\t',
     '\t', '\t', '\t', '\t', '\t', '钱一', '13100000009', '湖北省', '武汉市', '洪山区', '某某街道8号'],
]
write('pdd-orders.csv', csv_line(PDD_HEADER) + ''.join(csv_line(r) for r in pdd_rows), 'utf-8')

# 淘宝 订单报表, classic template, GB18030 (Excel on Chinese Windows).
TAOBAO_HEADER = ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额',
                 '订单状态', '买家留言', '收货人姓名', '收货地址', '运送方式', '联系电话', '联系手机', '订单创建时间',
                 '订单付款时间', '宝贝标题', '宝贝种类', '物流单号', '物流公司', '宝贝总数量', '商家备注', '发货时间',
                 '确认收货时间', '退款金额', '订单关闭原因']
taobao_rows = [
    ["'2951203765016139860", 'tb_buyer_001', 'buyer@example.com', '99.00', '0.00', '99.00', '99.00', '交易成功',
     '请用顺丰', '刘一', '浙江省 杭州市 余杭区 某某路9号', '快递', '', '13000000010', '2026-09-20 10:00:00',
     '2026-09-20 10:01:00', '羊毛围巾 男女同款', '1', "'SF1234567890", '顺丰速运', '1', '', '2026-09-21 10:00:00',
     '2026-09-25 10:00:00', '0.00', ''],
    ["'2951203765016139861", 'tb_buyer_002', 'buyer2@example.com', '199.00', '10.00', '209.00', '209.00',
     '卖家已发货，等待买家确认', '', '陈二', '广东省 深圳市 福田区 某某路10号', '快递', '', '13000000011',
     '2026-09-21 11:00:00', '2026-09-21 11:02:00', '羊毛围巾 礼盒装', '1', "'YT2222222222", '圆通速递', '2', '',
     '2026-09-22 09:00:00', '', '0.00', ''],
    ["'2951203765016139862", 'tb_buyer_003', 'buyer3@example.com', '99.00', '0.00', '99.00', '0.00', '交易关闭',
     '', '林三', '福建省 厦门市 思明区 某某路11号', '快递', '', '13000000012', '2026-09-22 12:00:00', '', '羊毛围巾 男女同款',
     '1', '', '', '1', '', '', '', '99.00', '买家不想买了'],
]
write('taobao-orders-gb18030.csv',
      csv_line(TAOBAO_HEADER) + ''.join(csv_line(r) for r in taobao_rows), 'gb18030')

# 淘宝 订单报表, newer template names, UTF-8.
taobao_new_header = ['订单编号', '买家下单时间', '买家付款时间', '买家实付金额', '订单状态', '商品标题', '商品属性SKU',
                     '宝贝总数量', '物流公司', '运单号', '收货人姓名', '联系手机']
taobao_new_rows = [
    ['\t2951203765016139900', '2026-10-01 09:00:00', '2026-10-01 09:00:30', '58.00', '买家已付款，等待卖家发货',
     '真丝眼罩', '颜色分类:香槟色', '1', '', '', '黄四', '13000000013'],
]
write('taobao-orders-new.csv',
      csv_line(taobao_new_header) + ''.join(csv_line(r) for r in taobao_new_rows), 'utf-8')

# 抖店 评价导出 missing a required column (商品评价得分).
write('douyin-reviews-missing-column.csv',
      csv_line(['评价日期', '订单ID', '商品ID', '商品名称', '商品规格', '评价内容']) +
      csv_line(['2026-11-20 10:00:00', '\t6931000000000000001', '\t3671000000000000001', '连衣裙', '黑色 XL', '很好']),
      'utf-8', bom=True)


# 抖店 评价导出 XLSX with a shared-string table (as Excel writes it) and one Excel-serial date.
def xml_escape(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')


REVIEW_HEADER = ['评价日期', '订单ID', '商品ID', '商品名称', '商品规格', '商品评价得分', '评价内容', '用户昵称', '评价等级',
                 '追评内容', '追评时间', '商家是否回复', '回复内容', '门店ID', '门店名称']
review_rows = [
    ['2026年11月20日 12:30:00', '6931000000000000011', '3671000000000000001', '夏季新款连衣裙', '黑色 XL', 1,
     '=HYPERLINK("http://evil.example") 质量太差，洗一次就掉色', 'a***', '差评', '客服也不理人', '2026-11-21 08:00:00',
     '已回复', '亲，非常抱歉，已为您安排退货', '', ''],
    ['2026-11-20 13:00:00', '6931000000000000021', '3671000000000000001', '夏季新款连衣裙', '白色 M', 5,
     '很合身，面料舒服\n会回购 😀', '张三丰', '好评', '', '', '未回复', '', '', ''],
    [46346.5, '6931000000000000031', '3671000000000000002', '纯棉短袜 5双装', '混色', 3, '一般般，有线头', 'b***',
     '中评', '', '', '未回复', '', '', ''],
    ['2026-11-21 09:00:00', 6931000000000000041, '3671000000000000002', '纯棉短袜 5双装', '混色', 4, '还行', 'c***',
     '好评', '', '', '', '', '', ''],
    ['昨天', '6931000000000000051', '3671000000000000002', '纯棉短袜 5双装', '混色', 4, '还行', 'd***', '好评', '',
     '', '', '', '', ''],
]
shared = []
index = {}


def sst(s):
    if s not in index:
        index[s] = len(shared)
        shared.append(s)
    return index[s]


def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


rows_xml = []
for r, cells in enumerate([REVIEW_HEADER] + review_rows, start=1):
    cs = []
    for c, v in enumerate(cells):
        ref = f'{col(c)}{r}'
        if v == '':
            continue
        if isinstance(v, (int, float)):
            cs.append(f'<c r="{ref}"><v>{v}</v></c>')
        else:
            cs.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
    rows_xml.append(f'<row r="{r}">{"".join(cs)}</row>')
NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}" xmlns:r="{REL}">'
         f'<sheetData>{"".join(rows_xml)}</sheetData></worksheet>')
sst_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}" count="{len(shared)}" '
           f'uniqueCount="{len(shared)}">' +
           ''.join(f'<si><t xml:space="preserve">{xml_escape(s)}</t></si>' for s in shared) + '</sst>')
files = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}"><sheets><sheet name="评价列表" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': sheet,
    'xl/sharedStrings.xml': sst_xml,
}
with zipfile.ZipFile(os.path.join(HERE, 'douyin-reviews.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
    for name, content in files.items():
        info = zipfile.ZipInfo(name, date_time=(2026, 11, 22, 10, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, content.encode('utf-8'))
print('fixtures written')
