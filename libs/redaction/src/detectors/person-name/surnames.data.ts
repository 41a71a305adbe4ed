/**
 * 姓氏 — surnames the name detector accepts: the few hundred single-character surnames that cover nearly every
 * person in mainland registers, and the compound surnames (复姓) still in use. Rare surnames that are also
 * everyday words (e.g. 和, 都, 权, 宿) are left out on purpose: they would turn ordinary phrases after a role word
 * into names.
 */
const SINGLE = (
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕' +
  '屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻厉伊仝郜阚帅屠豆朴盖练廉禹井祖漆巴丰卿狄索宣晋云容敬扈晁芮阙浦戈伏鹿薄邸雍辜羊乌裘亓修邰赫杭况鲜印逯隆茹诸慕玉银亢嵇哈湛宾戎勾茅呼揭尉冶檀阴昝奉'
).split('');

export const SINGLE_SURNAMES: ReadonlySet<string> = new Set(SINGLE);

export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '钟离',
  '闻人',
  '赫连',
  '万俟',
  '濮阳',
  '淳于',
  '单于',
  '仲孙',
  '东郭',
  '拓跋',
  '第五',
  '鲜于',
  '闾丘',
  '左丘',
]);
