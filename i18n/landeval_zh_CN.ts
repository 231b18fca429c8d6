<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>LandEval</name>
        <message>
            <source> (+{count} unplaced)</source>
            <translation> (+{count} 无迁入地)</translation>
        </message>
        <message>
            <source>(cost)</source>
            <translation>（逆向指标）</translation>
        </message>
        <message>
            <source>(default of the set)</source>
            <translation>（方案默认）</translation>
        </message>
        <message>
            <source>(elements Σ = {total}).</source>
            <translation>（要素层 Σ = {total}）。</translation>
        </message>
        <message>
            <source>(scores)</source>
            <translation>（分值）</translation>
        </message>
        <message>
            <source>0 Dirichlet around the weights, level by level (mean = the weights); 1 every weight times 1 ± up to SPREAD, then each level renormalised; 2 every AHP judgement moved by up to one step of Saaty's scale (needs a weight set that records its matrices under meta: {ahp_matrix: …}).</source>
            <translation>0 围绕权重逐层做狄利克雷扰动（均值 = 原权重）；1 每个权重乘以 1 ± 至多 SPREAD，再逐层归一；2 层次分析法的每个判断在 Saaty 标度上移动至多一级（需要在 meta: {ahp_matrix: …} 下记录了判断矩阵的权重方案）。</translation>
        </message>
        <message>
            <source>0: the parcel's own fields, the results (areas, n_enterprises, vetoes, score, sub-scores, types, category, tier), the indicators the weight set scores and their inputs, the fields the rules read, and the inputs that are not sums of the firms' figures (firm, sector, town, flags, dates, spatial inputs); 1: also every other computed indicator; 2: everything, the firms' other sums included (the widest and slowest output).</source>
            <translation>0：宗地自身字段、评价结果（面积、n_enterprises、否决、得分、分项得分、低效类型、类别、分级）、权重方案评分所用的指标及其输入、规则读取的字段，以及不属于企业数据加总的输入（企业、行业、镇街、标志、日期、空间输入）；1：另加其余全部已计算指标；2：全部字段，含企业的其余加总数据（字段最多、写出最慢）。</translation>
        </message>
        <message>
            <source>A QGIS expression choosing the parcels; default the inefficient ones ("inefficient" = 1). Empty: every parcel.</source>
            <translation>选择宗地的 QGIS 表达式；默认为低效宗地（"inefficient" = 1）。为空时为全部宗地。</translation>
        </message>
        <message>
            <source>A field of INPUT to group by when no ZONES layer is given (e.g. level, town).</source>
            <translation>未给出 ZONES 图层时用于分组的 INPUT 字段（如 level、街镇）。</translation>
        </message>
        <message>
            <source>A layer (or table) with one row per parcel and the indicator fields, e.g. computeindicators' output.</source>
            <translation>每宗地一行、含指标字段的图层（或表），如 computeindicators 的输出。</translation>
        </message>
        <message>
            <source>A layer with score, tier and indicator columns (the result of Apply): tier counts, live preview and entropy/CRITIC read it.</source>
            <translation>含评分、等级和指标列的图层（“评价”的结果）：等级统计、实时预览和熵权/CRITIC 赋权读取此图层。</translation>
        </message>
        <message>
            <source>A layer with the field to style by (tier/category/ineff_type from classifyparcels, level from classifyscale, score from scoreparcels).</source>
            <translation>含待着色字段的图层（classifyparcels 的 tier/category/ineff_type，classifyscale 的 level，scoreparcels 的 score）。</translation>
        </message>
        <message>
            <source>A layout template saved from the layout designer; empty: resources/layouts/dossier.qpt. Its items with ids map, identity, result, notes, footer, elements and indicators are filled per parcel.</source>
            <translation>在版式设计器中保存的版式模板；为空时用自带的宗地档案模板 resources/layouts/dossier.qpt。其中 id 为 map、identity、result、notes、footer、elements 与 indicators 的项按宗地填充。</translation>
        </message>
        <message>
            <source>A new layer: the input features and fields plus the robustness fields, styled by robust_class.</source>
            <translation>新图层：输入的要素与字段，另加稳健性字段，按 robust_class 设置样式。</translation>
        </message>
        <message>
            <source>A new layer: the input features and fields plus this step's fields (a field of the same name is replaced). The input is never changed.</source>
            <translation>新图层：输入的要素与字段，另加本步骤的字段（同名字段被替换）。输入从不改动。</translation>
        </message>
        <message>
            <source>A new layer: the input's features and fields plus contract_stage (construction, completion, production, operation, expiry or undated), gap_investment, gap_plot_ratio, gap_output, gap_tax (achieved − target in 万元/亩 or plot ratio; negative = shortfall; empty when not due), gap_completion_days (days late), contract_shortfalls and contract_unverified (target ids, ;-joined) and contract_breach (1 breach, 0 met, empty = not under contract or not verifiable). With SET_VETO_FIELD, also contract_fulfilled (1/0). Coloured by contract_breach.</source>
            <translation>新图层：输入的要素与字段，另加 contract_stage（construction / completion / production / operation / expiry / undated）、gap_investment、gap_plot_ratio、gap_output、gap_tax（实际值 − 约定值，单位 万元/亩 或容积率；负值 = 未达标；未到期为空）、gap_completion_days（逾期天数）、contract_shortfalls 与 contract_unverified（约定指标标识，以 ; 连接）及 contract_breach（1 违约，0 履约，空 = 无合同或无法核实）。勾选 SET_VETO_FIELD 时还有 contract_fulfilled（1/0）。按 contract_breach 着色。</translation>
        </message>
        <message>
            <source>A new layer: the input's features and fields plus land_stage (unapproved / approved / supplied / under_construction / built) and potential (approved_unsupplied / supplied_undeveloped / underused_urban / underused_rural, empty for efficient or under-construction land), shown in Chinese through value maps and coloured by potential class.</source>
            <translation>新图层：输入的要素与字段，另加 land_stage（unapproved / approved / supplied / under_construction / built）与 potential（approved_unsupplied / supplied_undeveloped / underused_urban / underused_rural，高效或在建用地为空），通过值映射以中文显示，并按潜力类型着色。</translation>
        </message>
        <message>
            <source>A new layer: the input's features and fields plus path (path id; the attribute table shows the Chinese label through a value map), path_reason (why, with the parcel's own figures, in LANGUAGE), path_rule (id of the rule that fired) and clearance_zone (must_exit, encouraged_exit or may_exit, shown as 必须清退区, 鼓励清退区, 可考虑清退区). Parcels the rules do not cover (efficient ones, redevelopment under way) have empty paths.</source>
            <translation>新图层：输入的要素与字段，另加 path（路径标识；属性表通过值映射显示中文名称）、path_reason（原因，附该宗地自身的数据，语言按 LANGUAGE）、path_rule（生效规则的标识）及 clearance_zone（must_exit / encouraged_exit / may_exit，显示为 必须清退区 / 鼓励清退区 / 可考虑清退区）。规则未覆盖的宗地（高效宗地、正在再开发的宗地）路径为空。</translation>
        </message>
        <message>
            <source>A new layer: the parcels with their attributes plus area_m2 (m²), area_&lt;unit&gt;, n_enterprises, the aggregated enterprise inputs under their canonical ids (floor_area m², output_value and tax 万元, employees 人, yes/no flags as 1/0, …), redline_share (0–1), inside_dev_boundary (1/0), poi_count, poi_density (per km²) and one field per indicator (plot_ratio, building_density, green_ratio and idle_rate as fractions; output_per_area and tax_per_area in 万元 per area unit; employees_per_area in persons per area unit; electricity_per_output etc. per 万元). Chinese aliases on every field. Counts: PARCELS_WITHOUT_ENTERPRISE, UNMATCHED_ENTERPRISES, REPAIRED_GEOMETRIES, EMPTY_GEOMETRIES.</source>
            <translation>新图层：宗地及其属性，另加 area_m2（m²）、area_&lt;unit&gt;、n_enterprises、以标准标识命名的企业汇总输入（floor_area m²，output_value 与 tax 万元，employees 人，是/否标记为 1/0，…）、redline_share（0–1）、inside_dev_boundary（1/0）、poi_count、poi_density（每 km²），以及每项指标一个字段（plot_ratio、building_density、green_ratio 与 idle_rate 为比例；output_per_area 与 tax_per_area 单位为 万元/面积单位；employees_per_area 为 人/面积单位；electricity_per_output 等为每万元）。每个字段均有中文别名。计数：PARCELS_WITHOUT_ENTERPRISE、UNMATCHED_ENTERPRISES、REPAIRED_GEOMETRIES、EMPTY_GEOMETRIES。</translation>
        </message>
        <message>
            <source>A parcel whose composite score is below this is inefficient (Jiangning: 0.6). Empty: the rule set's threshold.</source>
            <translation>综合得分低于此值的宗地认定为低效（江宁：0.6）。为空时取规则方案的阈值。</translation>
        </message>
        <message>
            <source>A rule file (YAML: {keys}) to use instead of the shipped resources/rules/{shipped}.yaml; copy that file, edit it and give it here. Loaded with safe YAML only; every problem is reported with its place in the file.</source>
            <translation>代替自带 resources/rules/{shipped}.yaml 使用的规则文件（YAML：{keys}）；复制该文件，修改后在此给出。仅以安全方式加载 YAML；每个问题都会指明其在文件中的位置。</translation>
        </message>
        <message>
            <source>A rule set YAML file (threshold, review_band, vetoes, types, categories, tiers); see docs/design.md. Takes precedence over PRESET. Loaded with safe YAML only.</source>
            <translation>规则方案 YAML 文件（threshold、review_band、vetoes、types、categories、tiers）；见 docs/design.md。优先于 PRESET。仅以安全方式加载 YAML。</translation>
        </message>
        <message>
            <source>A weight and rule set shipped with LandEval (resources/presets): jiangning (Jiangning paper, Table 1: weights, 8 vetoes, threshold 0.6), county_table2 (county paper, Table 2), zhejiang_mujun (亩均论英雄 benchmark scoring). A WEIGHT_SET or RULE_SET file, when given, takes precedence.</source>
            <translation>LandEval 自带的权重与规则方案（resources/presets）：jiangning（江宁论文表 1：权重、8 项否决项、阈值 0.6）、county_table2（县域论文表 2）、zhejiang_mujun（亩均论英雄基准值评分）。给出 WEIGHT_SET 或 RULE_SET 文件时以文件为准。</translation>
        </message>
        <message>
            <source>A weight set YAML file (elements, normalization, missing, aggregation); see docs/design.md. Takes precedence over PRESET. Loaded with safe YAML only.</source>
            <translation>权重方案 YAML 文件（elements、normalization、missing、aggregation）；见 docs/design.md。优先于 PRESET。仅以安全方式加载 YAML。</translation>
        </message>
        <message>
            <source>ABCD list</source>
            <translation>ABCD 清单</translation>
        </message>
        <message>
            <source>AHP</source>
            <translation>层次分析法</translation>
        </message>
        <message>
            <source>AHP for {level}</source>
            <translation>层次分析法：{level}</translation>
        </message>
        <message>
            <source>AHP judgements ± one Saaty step</source>
            <translation>层次分析法判断矩阵扰动</translation>
        </message>
        <message>
            <source>AHP weights</source>
            <translation>层次分析法权重</translation>
        </message>
        <message>
            <source>Add a catalogue indicator</source>
            <translation>添加指标</translation>
        </message>
        <message>
            <source>Add an element</source>
            <translation>添加要素</translation>
        </message>
        <message>
            <source>Add element</source>
            <translation>添加要素</translation>
        </message>
        <message>
            <source>Add element {id}</source>
            <translation>添加要素 {id}</translation>
        </message>
        <message>
            <source>Add indicator</source>
            <translation>添加指标</translation>
        </message>
        <message>
            <source>Add indicator {id}</source>
            <translation>添加指标 {id}</translation>
        </message>
        <message>
            <source>Aggregate by zone</source>
            <translation>分区汇总评价</translation>
        </message>
        <message>
            <source>All zones: {field} = {value}</source>
            <translation>全部分区：{field} = {value}</translation>
        </message>
        <message>
            <source>Also write contract_fulfilled (是否按合同约定履行), the field the jiangning preset's veto reads: 0 where a breach is found or the layer already records 否, 1 where the contract is met, the layer's own value where the check cannot tell. Then landeval:evaluate or checkvetoes on this output apply the veto.</source>
            <translation>同时写出 contract_fulfilled（是否按合同约定履行），即 jiangning 预设方案的否决项所读取的字段：发现违约或图层已记为“否”时为 0，履约时为 1，无法判断时保留图层原值。此后对本输出运行 landeval:evaluate / checkvetoes 即可应用该一票否决。</translation>
        </message>
        <message>
            <source>An element with id '{id}' exists already.</source>
            <translation>已有编号为“{id}”的要素。</translation>
        </message>
        <message>
            <source>An evaluated layer (landeval:evaluate's output, or scoreparcels + classifyparcels): its indicator columns are normalized again, veto_failed and category say which parcels do not depend on the score.</source>
            <translation>评价结果图层（landeval:evaluate 的输出，或 scoreparcels + classifyparcels 的输出）：其指标列会重新标准化，veto_failed 与 category 指明哪些宗地不取决于得分。</translation>
        </message>
        <message>
            <source>Applies the rule set's veto criteria (一票否决): yes/no fields such as a legal land certificate or environmental compliance, and numeric conditions such as a red-line share above 0.5. Failing any one makes the parcel inefficient whatever its score (Jiangning). A veto that cannot be checked (the layer lacks its field, or the cell is empty) is not counted as passed: under the rule set's veto_unknown policy (verify, the default) the parcel is marked needs_verification; pass treats it as passed, fail as failed.</source>
            <translation>应用规则方案的否决项（一票否决）：是/否字段，如是否取得合法用地手续、环保是否达标，以及数值条件，如生态保护红线占比高于 0.5。任一项不通过，不论得分如何，该宗地即认定为低效（江宁）。无法核查的否决项（图层缺少该字段或单元格为空）不算通过：按规则方案的 veto_unknown 策略（verify，默认）该宗地标记为 needs_verification（待核实）；pass 视为通过，fail 视为不通过。</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>评价</translation>
        </message>
        <message>
            <source>Apply LandEval style</source>
            <translation>应用评价样式</translation>
        </message>
        <message>
            <source>Apply to parcels</source>
            <translation>应用到宗地图层</translation>
        </message>
        <message>
            <source>Area unit</source>
            <translation>面积单位</translation>
        </message>
        <message>
            <source>Assembles the evaluation data of every parcel: its area from the geometry, the enterprises on it (joined by parcel id or by location, several per parcel aggregated), the spatial inputs when the layers are given, and every indicator of the catalogue whose inputs exist (plot ratio, tax per area, …). Division by zero or a missing input gives a missing value with the reason in the log, never infinity. Enterprises matching no parcel and parcels without enterprises are counted in the log and in the outputs.</source>
            <translation>汇集每宗地的评价数据：由几何量算面积，连接其上的企业（按宗地编号或按位置，一宗地多家企业时汇总），给出图层时计算空间输入，并计算指标目录中输入齐全的每项指标（容积率、地均税收、…）。除以零或缺少输入时得到缺失值并在日志中说明原因，绝不会得到无穷大。未匹配宗地的企业与无企业的宗地在日志和输出中计数。</translation>
        </message>
        <message>
            <source>Assumed plot ratio</source>
            <translation>缺省容积率</translation>
        </message>
        <message>
            <source>Base minimum area (km²)</source>
            <translation>产业基地面积下限</translation>
        </message>
        <message>
            <source>Bases and communities</source>
            <translation>产业基地与产业社区</translation>
        </message>
        <message>
            <source>Bilingual (Chinese, then English)</source>
            <translation>中英双语（先中文后英文）</translation>
        </message>
        <message>
            <source>Boundary-dependent rules and clearance zones use the layer's inside_dev_boundary.</source>
            <translation>开发边界内外规则与清退分区使用图层的 inside_dev_boundary 字段。</translation>
        </message>
        <message>
            <source>CR = {cr} &gt; 0.10: the judgements are not consistent enough. The comparison furthest from the weights is {row} vs {col}: given {given}, consistent value {consistent}. Revise it and run again.</source>
            <translation>CR = {cr} &gt; 0.10：判断的一致性不够。与权重偏离最大的比较是 {row} 对 {col}：给定值 {given}，一致值 {consistent}。请修改后重新运行。</translation>
        </message>
        <message>
            <source>CRITIC</source>
            <translation>CRITIC</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Cannot apply, the weight set has problems</source>
            <translation>权重方案有问题，无法评价</translation>
        </message>
        <message>
            <source>Cannot run, the weight set has problems</source>
            <translation>权重方案有问题，无法运行</translation>
        </message>
        <message>
            <source>Cannot write {path}: {error}</source>
            <translation>无法写入 {path}：{error}</translation>
        </message>
        <message>
            <source>Catalogue indicator:</source>
            <translation>指标：</translation>
        </message>
        <message>
            <source>Categorical, kept at their subjective weight: {ids}.</source>
            <translation>分类指标保持主观权重：{ids}。</translation>
        </message>
        <message>
            <source>Category transitions</source>
            <translation>类别转移矩阵</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>变化</translation>
        </message>
        <message>
            <source>Check land contracts</source>
            <translation>标准地·双合同履约核查</translation>
        </message>
        <message>
            <source>Check vetoes</source>
            <translation>一票否决检查</translation>
        </message>
        <message>
            <source>Checks each parcel's land-contract targets (标准地, 双合同: 合同投资强度, 合同亩均产值, 合同亩均税收 in 万元/亩, 合同容积率, 约定竣工日期) against what it achieves, at the milestone it has reached on EVAL_DATE: after the agreed completion date (竣工, 投入评估) investment intensity, plot ratio and completion on time; after the agreed full-production date (达产, 产出评估; from a year later 正常运营, 过程评估) output and tax per 亩 too; within EXPIRY_WINDOW days of the land-use right's expiry (到期, 续期评估) all of them. Achieved values come from the raw sums and the parcel area (固定资产投资, 总产值, 税收) or from the per-area indicators of an evaluated layer. Each shortfall is flagged with its gap. A target due without an achieved value is listed as unverified and never counted as met. The fields are ordinary parcel fields: a rule file can make a breach a veto ({field: contract_breach, is: yes}) or a type.</source>
            <translation>按各宗地在 EVAL_DATE 所处的履约节点，核查其土地合同约定（标准地 / 双合同：合同投资强度、合同亩均产值、合同亩均税收，单位 万元/亩，合同容积率、约定竣工日期）与实际达到值：过了约定竣工日期（竣工，投入评估）核查投资强度、容积率与是否按期竣工；过了约定达产日期（达产，产出评估；满一年后为正常运营，过程评估）还核查亩均产值与亩均税收；在土地使用权到期前 EXPIRY_WINDOW 天内（到期，续期评估）核查全部指标。实际值由原始合计与宗地面积（固定资产投资、总产值、税收）计算，或取自评价结果图层的地均指标。每项未达标均标出差距。到期应核查却无实际值的指标列为无法核实，绝不算作达标。这些字段是普通宗地字段：规则文件可将违约设为一票否决（{field: contract_breach, is: yes}）或低效类型。</translation>
        </message>
        <message>
            <source>Chinese</source>
            <translation>中文</translation>
        </message>
        <message>
            <source>Chinese (zh_CN)</source>
            <translation>中文（zh_CN）</translation>
        </message>
        <message>
            <source>Choose a level with at least one item.</source>
            <translation>请选择一个层级（至少含一项）。</translation>
        </message>
        <message>
            <source>Choose an evaluated layer under Apply (or apply the set) to run these.</source>
            <translation>请先在上方选择已评价图层（或先评价一次），再运行这些计算。</translation>
        </message>
        <message>
            <source>Choose an evaluated layer under Apply first.</source>
            <translation>请先选择已评价图层。</translation>
        </message>
        <message>
            <source>Choose the parcel layer first.</source>
            <translation>请先选择宗地图层。</translation>
        </message>
        <message>
            <source>Classification</source>
            <translation>低效认定</translation>
        </message>
        <message>
            <source>Classify parcels</source>
            <translation>低效认定与分级</translation>
        </message>
        <message>
            <source>Classify scale levels</source>
            <translation>空间层级划分</translation>
        </message>
        <message>
            <source>Clearance zone rules (YAML)</source>
            <translation>清退分区规则</translation>
        </message>
        <message>
            <source>Combined</source>
            <translation>组合</translation>
        </message>
        <message>
            <source>Combined subjective/objective weights</source>
            <translation>主客观组合权重</translation>
        </message>
        <message>
            <source>Combined weight</source>
            <translation>组合权重</translation>
        </message>
        <message>
            <source>Comma-separated. quantile: % shares of A,B,C,D from the best, e.g. 20,55,20,5 (Changle) or 20,40,35,5 (Huai'an); threshold: score cuts for A,B,C, e.g. 0.8,0.6,0.4. Empty: the rule set's tiers.breaks.</source>
            <translation>以逗号分隔。quantile：由好到差 A、B、C、D 的百分比，如 20,55,20,5（长乐）或 20,40,35,5（淮安）；threshold：A、B、C 的得分分界，如 0.8,0.6,0.4。为空时取规则方案的 tiers.breaks。</translation>
        </message>
        <message>
            <source>Community minimum area (km²)</source>
            <translation>产业社区面积下限</translation>
        </message>
        <message>
            <source>Compare evaluation rounds</source>
            <translation>评价轮次对比</translation>
        </message>
        <message>
            <source>Compare rounds</source>
            <translation>轮次对比</translation>
        </message>
        <message>
            <source>Compare scenarios</source>
            <translation>情景比较</translation>
        </message>
        <message>
            <source>Compares the county paper's three renewal patterns on an evaluated parcel layer with scale levels. Large concentration (大集中): every industrial block moves into the nearest industrial base. Small clustering (小集聚): blocks outside the urban development boundary move into the nearest base or community of their own town. Small clustering + moderate park integration (小集聚+适度并园): blocks within NEAR_BASE of a base move into it; inefficient blocks outside the boundary move into the nearest community of their town. Distances run from the parcel's centroid to the park's boundary, in metres (a geographic CRS is measured in its UTM zone). Assumptions: a moved firm keeps its floor area, output and tax; it is rebuilt at the destination's target plot ratio; its old parcel leaves industrial use. A mover with no eligible park stays and is counted as unplaced.</source>
            <translation>在带空间层级的评价结果宗地图层上比较县域论文的三种更新模式。大集中：所有产业街坊迁入最近的产业基地。小集聚：城镇开发边界外的产业街坊迁入本街镇最近的产业基地或产业社区。小集聚+适度并园：距产业基地 NEAR_BASE 以内的产业街坊并入该基地；边界外的低效产业街坊迁入本街镇最近的产业社区。距离从宗地质心量至园区边界，单位米（地理坐标系在其 UTM 带内量算）。假定：迁移企业的建筑面积、产值与税收不变；在迁入地按目标容积率重建；原宗地退出工业用途。没有合适园区可迁入的企业留在原地，计为未安置。</translation>
        </message>
        <message>
            <source>Compensation for the vacated land per 亩, in 万元 (illustrative default).</source>
            <translation>腾退用地每亩的补偿，单位万元（默认值仅作示意）。</translation>
        </message>
        <message>
            <source>Composite score</source>
            <translation>综合得分</translation>
        </message>
        <message>
            <source>Compute from layer</source>
            <translation>由图层计算</translation>
        </message>
        <message>
            <source>Compute indicators</source>
            <translation>计算评价指标</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>置信水平</translation>
        </message>
        <message>
            <source>Consecutive rounds N</source>
            <translation>连续轮数N</translation>
        </message>
        <message>
            <source>Consistency ratio CR</source>
            <translation>一致性比率</translation>
        </message>
        <message>
            <source>Consistent (CR ≤ 0.10)</source>
            <translation>通过一致性检验</translation>
        </message>
        <message>
            <source>Construction cost per m² of floor area rebuilt at the destination, in 元 (illustrative default).</source>
            <translation>迁入地按重建建筑面积每 m² 计的建设费用，单位元（默认值仅作示意）。</translation>
        </message>
        <message>
            <source>Contested</source>
            <translation>存疑</translation>
        </message>
        <message>
            <source>Contract compliance</source>
            <translation>履约核查</translation>
        </message>
        <message>
            <source>Cost fields (less is better)</source>
            <translation>逆向指标</translation>
        </message>
        <message>
            <source>Could not write the style file {file}: {message}</source>
            <translation>无法写出样式文件 {file}：{message}</translation>
        </message>
        <message>
            <source>County paper §2 and Figure 1 (line 78: 'approved but un-supplied industrial land, supplied but undeveloped industrial land, underutilized industrial land in urban areas, and underutilized industrial land in rural areas'); line 74 (rural land outside the urban development boundary).</source>
            <translation>县域论文 §2 与图 1（第 78 行：“批而未供工业用地、供而未用工业用地、城镇低效工业用地与农村低效工业用地”）；第 74 行（城镇开发边界外的农村用地）。</translation>
        </message>
        <message>
            <source>County paper §3.1 (a base is a development/high-tech zone, generally &gt; 4 km²; a community a park at municipal level or above, generally &gt; 1 km²; blocks the rest); Jiangning (industrial share &gt; 60 % park, about 50 % community: planning targets, reported); SPEC §3.8; docs/methods.md "Scale levels" for what we chose where the papers say "generally".</source>
            <translation>县域论文 §3.1（产业基地为开发区/高新区，一般 &gt; 4 km²；产业社区为市级及以上园区，一般 &gt; 1 km²；其余为产业街坊）；江宁（工业用地占比园区 &gt; 60 %、社区约 50 %：规划目标，仅报告）；SPEC §3.8；论文写“一般”之处我们的取舍见 docs/methods.md “Scale levels”（空间层级）。</translation>
        </message>
        <message>
            <source>County paper §3.3 (five-layer recursive judgement); Jiangning final determination and map categories; tiers after Zhejiang/Changle (rank shares 20/55/20/5) or score cuts, Jenks natural breaks as an option (SPEC §3.5–3.7).</source>
            <translation>县域论文 §3.3（五层递进判定）；江宁最终认定与图面分类；分级参照浙江/长乐（按排名比例 20/55/20/5）或得分分段，可选 Jenks 自然断点（SPEC §3.5–3.7）。</translation>
        </message>
        <message>
            <source>County paper §4.2 (three patterns, 'maintaining total volume, promoting clustering, enhancing quality') and §4.1 (blocks transferred into qualified communities free construction-land quota). Costs: relocation, demolition and new construction per m² of the firm's floor area (floor_area, else plot_ratio × area, else ASSUMED_PLOT_RATIO × area) and compensation per 亩 of the vacated parcel.</source>
            <translation>县域论文 §4.2（三种模式，“总量不增、集聚发展、提质增效”）与 §4.1（产业街坊转入合格的产业社区可释放建设用地指标）。成本：按企业建筑面积（floor_area，否则 plot_ratio × 面积，否则 ASSUMED_PLOT_RATIO × 面积）每 m² 计的搬迁、拆除与新建费用，以及按腾退宗地每亩计的补偿。</translation>
        </message>
        <message>
            <source>County paper, Table 2 and §3.2 (line 90: '+' marks as weights; Delphi, AHP or entropy for a composite score; normalisation may obscure original attributes) and §3.4 (line 143: benchmarking against other districts or the national level, classified evaluation by scale); SPEC §3.9.</source>
            <translation>县域论文表 2 与 §3.2（第 90 行：以“+”标记作权重；综合得分可用德尔菲法、层次分析法或熵权法；标准化可能掩盖原始属性）及 §3.4（第 143 行：与其他区县或全国水平对标，按层级分类评价）；SPEC §3.9。</translation>
        </message>
        <message>
            <source>County paper: a base (a park in a development or high-tech zone) is 'generally' over 4 km². Standing decides the level; a base of this size or less is named in a warning. A park whose standing cannot be read is a base when larger than this.</source>
            <translation>县域论文：产业基地（位于开发区或高新区的园区）“一般”大于 4 km²。层级由等级决定；面积不大于此值的产业基地在警告中列出。无法读取等级的园区，面积大于此值时为产业基地。</translation>
        </message>
        <message>
            <source>County paper: a community (a park at municipal level or above, not a base) is 'typically' over 1 km². Standing decides the level; a community of this size or less, and a park below municipal level larger than this, are named in a warning. A park whose standing cannot be read is a community when larger than this (and not a base). Parcels in no park are industrial blocks.</source>
            <translation>县域论文：产业社区（市级及以上、非产业基地的园区）“通常”大于 1 km²。层级由等级决定；面积不大于此值的产业社区，以及面积大于此值的市级以下园区，在警告中列出。无法读取等级的园区，面积大于此值（且不是产业基地）时为产业社区。不在任何园区内的宗地为产业街坊。</translation>
        </message>
        <message>
            <source>Criteria</source>
            <translation>准则</translation>
        </message>
        <message>
            <source>Criterion ids in matrix order, separated by ';' (e.g. plot_ratio;tax_per_area;output_per_area). Use catalogue indicator ids to get a weight set scoreparcels can use directly.</source>
            <translation>按矩阵顺序排列的准则标识，以 ';' 分隔（如 plot_ratio;tax_per_area;output_per_area）。使用指标目录中的指标标识，得到的权重方案可直接用于 scoreparcels。</translation>
        </message>
        <message>
            <source>Decision support</source>
            <translation>决策支持</translation>
        </message>
        <message>
            <source>Demolition cost (yuan/m²)</source>
            <translation>拆除单价（元/m²）</translation>
        </message>
        <message>
            <source>Demolition cost per m² of floor area at the old site, in 元 (illustrative default).</source>
            <translation>原址按建筑面积每 m² 计的拆除费用，单位元（默认值仅作示意）。</translation>
        </message>
        <message>
            <source>Dev. boundary</source>
            <translation>开发边界</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>方向</translation>
        </message>
        <message>
            <source>Direction of {id}</source>
            <translation>{id} 的方向</translation>
        </message>
        <message>
            <source>Dirichlet around the weights</source>
            <translation>狄利克雷扰动</translation>
        </message>
        <message>
            <source>District and levels</source>
            <translation>全域与层级汇总</translation>
        </message>
        <message>
            <source>Dossiers</source>
            <translation>宗地档案</translation>
        </message>
        <message>
            <source>Dossiers (PDF)</source>
            <translation>宗地档案</translation>
        </message>
        <message>
            <source>Drawing weights…</source>
            <translation>抽样计算中…</translation>
        </message>
        <message>
            <source>Draws</source>
            <translation>抽样次数</translation>
        </message>
        <message>
            <source>Earlier round</source>
            <translation>上一轮评价</translation>
        </message>
        <message>
            <source>Eco red line</source>
            <translation>生态红线</translation>
        </message>
        <message>
            <source>Ecological red line</source>
            <translation>生态保护红线</translation>
        </message>
        <message>
            <source>Element</source>
            <translation>要素</translation>
        </message>
        <message>
            <source>Element id (letters, digits, _):</source>
            <translation>要素编号（字母、数字、_）：</translation>
        </message>
        <message>
            <source>Elements</source>
            <translation>要素层</translation>
        </message>
        <message>
            <source>Empty: the weight set's area_unit.</source>
            <translation>为空时取权重方案的 area_unit。</translation>
        </message>
        <message>
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <source>Enterprise parcel id field</source>
            <translation>企业所在宗地字段</translation>
        </message>
        <message>
            <source>Enterprises</source>
            <translation>企业表</translation>
        </message>
        <message>
            <source>Enterprises matching no parcel</source>
            <translation>未匹配企业数</translation>
        </message>
        <message>
            <source>Entropy</source>
            <translation>熵权法</translation>
        </message>
        <message>
            <source>Entropy (SPEC §5): min-max normalize (cost reversed), p_ij = x_ij/Σ_i x_ij, H_j = −(1/ln m) Σ p_ij ln p_ij, w_j = (1 − H_j)/Σ(1 − H_j). CRITIC (Diakoulaki et al. 1995): C_j = σ_j Σ_k (1 − r_jk), w = C/ΣC. Both named by the county paper as objective weighting.</source>
            <translation>熵权法（SPEC §5）：极差标准化（逆向指标反向），p_ij = x_ij/Σ_i x_ij，H_j = −(1/ln m) Σ p_ij ln p_ij，w_j = (1 − H_j)/Σ(1 − H_j)。CRITIC 法（Diakoulaki 等，1995）：C_j = σ_j Σ_k (1 − r_jk)，w = C/ΣC。两者均为县域论文所列的客观赋权方法。</translation>
        </message>
        <message>
            <source>Entropy / CRITIC weights</source>
            <translation>熵权法与CRITIC权重</translation>
        </message>
        <message>
            <source>Entropy/CRITIC</source>
            <translation>熵权/CRITIC 客观赋权</translation>
        </message>
        <message>
            <source>Evaluate industrial land (one step)</source>
            <translation>一键评价</translation>
        </message>
        <message>
            <source>Evaluated</source>
            <translation>评价结果</translation>
        </message>
        <message>
            <source>Evaluated layer</source>
            <translation>评价结果图层</translation>
        </message>
        <message>
            <source>Evaluated parcels</source>
            <translation>评价结果宗地</translation>
        </message>
        <message>
            <source>Evaluated rounds, oldest first</source>
            <translation>历年评价结果（由早到晚）</translation>
        </message>
        <message>
            <source>Evaluated: {layer}</source>
            <translation>评价完成：{layer}</translation>
        </message>
        <message>
            <source>Evaluating…</source>
            <translation>评价中…</translation>
        </message>
        <message>
            <source>Evaluation</source>
            <translation>评价</translation>
        </message>
        <message>
            <source>Evaluation date</source>
            <translation>核查日期</translation>
        </message>
        <message>
            <source>Evaluation report</source>
            <translation>评价报告</translation>
        </message>
        <message>
            <source>Evaluation report (HTML)</source>
            <translation>评价报告</translation>
        </message>
        <message>
            <source>Evaluation result</source>
            <translation>评价结果</translation>
        </message>
        <message>
            <source>Every level sums to 1</source>
            <translation>各层权重之和均为 1</translation>
        </message>
        <message>
            <source>Every weight of this level is 0: set at least one first.</source>
            <translation>本层级权重全为 0：请先设置至少一个权重。</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx);;CSV GB18030 (*.csv)</source>
            <translation>Excel 工作簿 (*.xlsx);;CSV GB18030 (*.csv)</translation>
        </message>
        <message>
            <source>Export the list</source>
            <translation>导出清单</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Field mapping (YAML)</source>
            <translation>字段映射</translation>
        </message>
        <message>
            <source>Field of EARLIER with the parcel id; empty: the same name as ID_FIELD.</source>
            <translation>EARLIER 中的宗地编号字段；为空时与 ID_FIELD 同名。</translation>
        </message>
        <message>
            <source>Field of INPUT with the benchmark land price (any unit: it is normalized); empty: no land-price indicator.</source>
            <translation>INPUT 中记录基准地价的字段（任意单位：会被标准化）；为空时不计地价指标。</translation>
        </message>
        <message>
            <source>Field of INPUT with the town or subdistrict (街镇). Given, small clustering and the community moves of park integration stay within the parcel's town; then PARK_TOWN_FIELD is needed too.</source>
            <translation>INPUT 中记录街镇的字段。给出时，小集聚与适度并园中向产业社区的迁移限于宗地所在街镇内；此时还需给出 PARK_TOWN_FIELD。</translation>
        </message>
        <message>
            <source>Field of LANDUSE with the class; its values must match the categorical scores of the value weight set (the shipped one uses 三调 first-level classes: 商业服务业用地, 住宅用地, 工矿用地, 耕地 …).</source>
            <translation>LANDUSE 中记录地类的字段；其取值须与价值评估权重方案的分类得分一致（自带方案使用三调一级地类：商业服务业用地、住宅用地、工矿用地、耕地 …）。</translation>
        </message>
        <message>
            <source>Field of LATER with the parcel id (宗地编号); empty: parcel_id. Ids are compared as text, so 101, 101.0 and '101' match.</source>
            <translation>LATER 中的宗地编号字段；为空时取 parcel_id。编号按文本比较，故 101、101.0 与 '101' 视为相同。</translation>
        </message>
        <message>
            <source>Field of PARKS holding base / community / block; empty: level.</source>
            <translation>PARKS 中记录 base / community / block 的字段；为空时取 level。</translation>
        </message>
        <message>
            <source>Field of PARKS holding the industrial land share (0–1); empty: a field called industrial_share or 工业用地占比, if there is one.</source>
            <translation>PARKS 中记录工业用地占比（0–1）的字段；为空时取名为 industrial_share 或 工业用地占比 的字段（如有）。</translation>
        </message>
        <message>
            <source>Field of PARKS holding the park's administrative level (国家级, 省级, 市级, 县级, 镇级, or 国家/省/市/县/镇); it takes precedence over a level written in the zone type. Empty: a field called zone_level or 园区级别, if there is one.</source>
            <translation>PARKS 中记录园区行政级别的字段（国家级、省级、市级、县级、镇级，或 国家/省/市/县/镇）；优先于园区类型中写明的级别。为空时取名为 zone_level 或 园区级别 的字段（如有）。</translation>
        </message>
        <message>
            <source>Field of PARKS holding the zone type (经济技术开发区, 高新区, 市级工业园区, …); empty: a field called zone_type or 园区类型, if there is one.</source>
            <translation>PARKS 中记录园区类型的字段（经济技术开发区、高新区、市级工业园区、…）；为空时取名为 zone_type 或 园区类型 的字段（如有）。</translation>
        </message>
        <message>
            <source>Field of PARKS naming each park in the outputs; empty: the park's feature id.</source>
            <translation>PARKS 中在输出里标明各园区名称的字段；为空时取园区的要素编号。</translation>
        </message>
        <message>
            <source>Field of PARKS with the town each park belongs to (same spelling as TOWN_FIELD).</source>
            <translation>PARKS 中记录各园区所属街镇的字段（写法与 TOWN_FIELD 一致）。</translation>
        </message>
        <message>
            <source>Field of ZONES with each zone's scale level (e.g. `level` of classifyscale's OUTPUT_PARKS); empty: the level covering most of the zone's parcel area (INPUT's `level`). Each zone is compared with all zones of its level together.</source>
            <translation>ZONES 中记录各分区空间层级的字段（如 classifyscale 的 OUTPUT_PARKS 的 `level`）；为空时取覆盖该分区宗地面积最多的层级（INPUT 的 `level`）。每个分区与同一层级的全部分区合计相比较。</translation>
        </message>
        <message>
            <source>Field of {id}</source>
            <translation>{id} 的字段</translation>
        </message>
        <message>
            <source>Field with the parcel id in every round; empty: parcel_id or a field with a recognised header (宗地编号, 地块编号, …). Ids are compared as text (101, 101.0 and '101' match).</source>
            <translation>各期中记录宗地编号的字段；为空时取 parcel_id 或表头可识别的字段（宗地编号、地块编号、…）。编号按文本比较（101、101.0 与 '101' 视为相同）。</translation>
        </message>
        <message>
            <source>Field with the parcel id; empty: parcel_id or a field with a recognised header (宗地编号, 地块编号, …). Stored as text.</source>
            <translation>存放宗地编号的字段；为空时使用 parcel_id 或可识别表头的字段（宗地编号、地块编号等）。按文本保存。</translation>
        </message>
        <message>
            <source>Fields to write</source>
            <translation>写出的字段</translation>
        </message>
        <message>
            <source>Final category</source>
            <translation>认定类别</translation>
        </message>
        <message>
            <source>Flagged when</source>
            <translation>认定条件</translation>
        </message>
        <message>
            <source>For every inefficient parcel of an evaluated layer, the redevelopment path of the first rule that holds in the path rule file. The shipped rules check, in this order: the ecological red line (工业生态修复); failed vetoes (safety, environment, spatial plan: rectify or exit; others: 收回收储); outside the urban development boundary (清退); then the inefficiency type, heavy industry before any rule that raises intensity: 整治提升, 工改工 (增容技改 for sites of 100 亩 or more whose firm has left the market; 高标准厂房/工业上楼; 淘汰落后产能，转给高新技术或规模工业企业), and by scale level. 工改科研 and 工改其他 are in the vocabulary for rules a planner adds. Parcels outside the development boundary also get a clearance zone (必须清退区, 鼓励清退区, 可考虑清退区) from the clearance rule file. Both files are YAML tables in the rule-set language of LandEval; the shipped ones (resources/rules/paths.yaml, clearance.yaml) state their sources. A field a rule needs but the layer lacks is reported and treated as missing (that rule never applies).</source>
            <translation>为评价结果图层中的每宗低效宗地，给出路径规则文件中第一条成立的规则所对应的再开发路径。自带规则依次检查：生态保护红线（工业生态修复）；一票否决不通过（安全、环保、空间规划：整改或退出；其他：收回收储）；城镇开发边界外（清退）；然后按低效类型，重工业先于任何提高强度的规则：整治提升、工改工（企业已退出市场且面积 100 亩及以上者增容技改；高标准厂房/工业上楼；淘汰落后产能，转给高新技术或规模工业企业），再按空间层级。工改科研与工改其他列入词表，供规划人员添加规则时使用。城镇开发边界外的宗地还按清退分区规则文件得到清退分区（必须清退区 / 鼓励清退区 / 可考虑清退区）。两个文件都是以 LandEval 规则方案语言编写的 YAML 表；自带文件（resources/rules/paths.yaml、clearance.yaml）注明了出处。规则需要而图层缺少的字段会被报告并按缺失处理（该规则从不适用）。</translation>
        </message>
        <message>
            <source>From current weights</source>
            <translation>按现有权重</translation>
        </message>
        <message>
            <source>Gives every park a scale level — industrial base (产业基地), industrial community (产业社区) or industrial block (产业街坊, 零星工业地块) — from its standing: a development or high-tech zone is a base, another park at municipal level or above a community, a park below municipal level a block. Standing is read from the zone type (国家级经济技术开发区, 省级高新区, 市级工业园区, 镇级工业集中点 …) and/or a level field (国家级/省级/市级/县级/镇级); a park whose standing cannot be read is levelled by area and every such value is listed in a warning. Every parcel gets the level of the park containing it (a parcel in no park is a block). The industrial land share is reported against Jiangning's targets (park &gt; 60 %, community about 50 %), never used to demote a park. With a development boundary, parcels also get inside_dev_boundary: those outside are candidates for clearance.</source>
            <translation>为每个园区确定空间层级——产业基地、产业社区或产业街坊（零星工业地块）——依据其等级：开发区或高新区为产业基地，其他市级及以上园区为产业社区，市级以下园区为产业街坊。等级从园区类型（国家级经济技术开发区、省级高新区、市级工业园区、镇级工业集中点 …）和/或级别字段（国家级/省级/市级/县级/镇级）读取；无法读取等级的园区按面积定级，并在警告中逐一列出。每宗地取包含它的园区的层级（不在任何园区内的宗地为产业街坊）。工业用地占比与江宁的目标（园区 &gt; 60 %，社区约 50 %）对照报告，从不据此降低园区层级。给出城镇开发边界时，宗地还获得 inside_dev_boundary：位于边界外的宗地为清退候选。</translation>
        </message>
        <message>
            <source>History table</source>
            <translation>历史表</translation>
        </message>
        <message>
            <source>How A/B/C/D are cut: quantile = shares of parcels by rank (Zhejiang practice); threshold = score cuts; jenks = natural breaks of the scores. Empty: the rule set's tiers.method.</source>
            <translation>A/B/C/D 的划分方式：quantile = 按排名的宗地比例（浙江做法）；threshold = 得分分段；jenks = 得分的自然断点。为空时取规则方案的 tiers.method。</translation>
        </message>
        <message>
            <source>How many days before the land-use right expires the renewal assessment (续期评估) applies; the paper says only 'before expiry'. Default 365.</source>
            <translation>土地使用权到期前多少天起进行续期评估；论文只说“到期前”。默认 365。</translation>
        </message>
        <message>
            <source>How many of the latest rounds must all flag a parcel (default 3: three years in a row).</source>
            <translation>最近多少期必须全部标记同一宗地（默认 3：连续三年）。</translation>
        </message>
        <message>
            <source>How much more important is {row} than {column}? (1 = equal, 9 = extreme)</source>
            <translation>{row} 比 {column} 重要多少？（1 = 同等重要，9 = 极端重要）</translation>
        </message>
        <message>
            <source>How sure is each parcel's label? The weights of the weight set are drawn DRAWS times around their values (and, with THRESHOLD_RANGE, the threshold too); every parcel is scored again with each draw, normalized exactly as scoreparcels does, and its share of draws in which it is inefficient is p_inefficient. Parcels whose status does not depend on the score — a failed veto, 正在推进, 生态清退, 地方上报 (as the layer's veto_failed and category say) — have p = 1 and say why. A parcel inefficient in at least CONFIDENCE of the draws is robustly inefficient, one in at most 1 − CONFIDENCE robustly retained, the others contested: the parcels to look at before the list is published. A configuration that identifies parcels by screening rather than by a score threshold is refused (its weights decide no label).</source>
            <translation>每宗地的认定结果有多可靠？权重方案的权重围绕其取值抽样 DRAWS 次（给出 THRESHOLD_RANGE 时阈值也一并抽样）；每次抽样都按与 scoreparcels 完全相同的标准化方法重新为每宗地计算得分，其被认定为低效的抽样比例即 p_inefficient。状态不取决于得分的宗地——一票否决不通过、正在推进、生态清退、地方上报（依图层的 veto_failed 与 category）——p = 1 并注明原因。至少在 CONFIDENCE 比例的抽样中为低效的宗地为稳健低效，至多在 1 − CONFIDENCE 比例中为低效的为稳健保留，其余为存疑：清单公布前应逐一核查的宗地。按筛查而非得分阈值认定宗地的配置会被拒绝（其权重不决定任何认定结果）。</translation>
        </message>
        <message>
            <source>How the Table 2 indicators are weighted: the weight set's weights (the '+' marks of county_table2, or the AHP weights of a WEIGHT_SET file), or the entropy weight method over the zones.</source>
            <translation>表 2 指标的赋权方式：权重方案的权重（county_table2 的“+”标记，或 WEIGHT_SET 文件中的层次分析法权重），或按分区计算的熵权法。</translation>
        </message>
        <message>
            <source>How the priority vector is derived: principal eigenvector (Saaty, default), normalized row geometric means, or the mean of the column-normalized matrix.</source>
            <translation>排序向量的求法：主特征向量（Saaty，默认）、归一化的行几何平均，或列归一化矩阵的行平均。</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Indicator '{id}' is already in the weight set.</source>
            <translation>指标“{id}”已在权重方案中。</translation>
        </message>
        <message>
            <source>Indicator fields</source>
            <translation>指标字段</translation>
        </message>
        <message>
            <source>Indicator formulas: docs/design.md and resources/presets/catalogue.yaml; aggregation of tenants and spatial inputs: SPEC §3.1–3.2 (county paper; Shanghai 15-minute industrial living circle for the 1 km POI radius). 1 亩 = 10000/15 m².</source>
            <translation>指标公式：docs/design.md 与 resources/presets/catalogue.yaml；企业与空间输入的汇总：SPEC §3.1–3.2（县域论文；1 km 服务半径取上海 15 分钟产业生活圈）。1 亩 = 10000/15 m²。</translation>
        </message>
        <message>
            <source>Indicator system</source>
            <translation>指标体系</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>评价指标</translation>
        </message>
        <message>
            <source>Indicators of {element}</source>
            <translation>指标层：{element}</translation>
        </message>
        <message>
            <source>Industrial land parcels (polygons) in a geographic or projected CRS; the area is measured on the ellipsoid in a geographic CRS and in the plane in a projected one. Invalid geometries are repaired for measuring and reported.</source>
            <translation>地理或投影坐标系中的工业用地宗地（面）；地理坐标系下在椭球面上量算面积，投影坐标系下在平面上量算。无效几何在量算时修复并予以报告。</translation>
        </message>
        <message>
            <source>Industrial parcels (any CRS; parks and boundary are reprojected to it).</source>
            <translation>工业宗地（任意坐标系；园区与边界重投影到该坐标系）。</translation>
        </message>
        <message>
            <source>Industrial share field</source>
            <translation>工业用地占比字段</translation>
        </message>
        <message>
            <source>Inefficiency type</source>
            <translation>低效类型</translation>
        </message>
        <message>
            <source>Inefficient-land list (Excel)</source>
            <translation>低效用地清单</translation>
        </message>
        <message>
            <source>Jiangning paper §4.2.3, lines 593–597 (双合同监管; 在项目竣工、达产、正常运营与使用年期到期前，开展投入、产出、过程与续期评估); county paper §4.3, line 187 (evaluation of compliance with construction progress and achievement of production capacity).</source>
            <translation>江宁论文 §4.2.3，第 593–597 行（双合同监管；在项目竣工、达产、正常运营与使用年期到期前，开展投入、产出、过程与续期评估）；县域论文 §4.3，第 187 行（对建设进度与达产情况的履约评价）。</translation>
        </message>
        <message>
            <source>Jiangning paper, Table 1 定性指标 (8 veto criteria in two elements); SPEC §3.3.</source>
            <translation>江宁论文表 1 定性指标（两个要素层中的 8 项否决项）；SPEC §3.3。</translation>
        </message>
        <message>
            <source>Joins two evaluated layers of different years by parcel id and shows what changed: the transition matrix of tiers (A/B/C/D/T) and of final categories, each parcel's direction of change, and its score change. Direction: the tier decides when the parcel is rated A–D in both rounds (A best); otherwise the inefficient flag (1 → 0 improved, 0 → 1 worsened); otherwise unchanged. Parcels only in the later round have appeared, those only in the earlier one disappeared (drawn with their old outline). The score change is shown but does not decide the direction, because min-max and percentile scores are relative to the parcels of their own round.</source>
            <translation>按宗地编号连接不同年份的两期评价结果，显示变化：分级（A/B/C/D/T）与最终认定类别的转移矩阵、每宗地的变化方向及得分变化。方向：两期均评为 A–D 时由分级决定（A 最好）；否则由低效标记决定（1 → 0 改善，0 → 1 变差）；否则不变。只在后一期出现的宗地为新增，只在前一期出现的为消失（以原轮廓绘出）。得分变化仅作显示、不决定方向，因为极差与百分位得分是相对于本期宗地而言的。</translation>
        </message>
        <message>
            <source>Judged on {date}: {breaches} breach(es), {met} met, {parcels} parcel(s) under contract.</source>
            <translation>核查日期 {date}：违约 {breaches} 宗，履约 {met} 宗，有合同约定的宗地 {parcels} 宗。</translation>
        </message>
        <message>
            <source>Keeps the inefficient-land database (低效用地数据库): appends one evaluated round — its year or date, and for every parcel its id, score, tier, category, inefficient flag and type, with the weight set's name and digest — to a history table in PostGIS or in a GeoPackage, created on first use. A round already in the table is refused, so each year is registered once. One round of the table, read as a layer filtered on it (sql="round" = '2024'), is a round for persistence and comparerounds.</source>
            <translation>维护低效用地数据库：将一轮评价结果——其年份或日期，以及每宗地块的编号、得分、分级、认定类别、是否低效和低效类型，连同权重方案的名称和摘要——追加到 PostGIS 或 GeoPackage 中的历史表，首次使用时自动创建。表中已有的轮次会被拒绝，因此每年只登记一次。按轮次筛选后读取的历史表（sql="round" = '2024'）即可作为 persistence 和 comparerounds 的一轮。</translation>
        </message>
        <message>
            <source>Land compensation (10⁴ yuan/mu)</source>
            <translation>土地补偿单价（万元/亩）</translation>
        </message>
        <message>
            <source>Land price field</source>
            <translation>地价字段</translation>
        </message>
        <message>
            <source>Land use</source>
            <translation>土地利用现状</translation>
        </message>
        <message>
            <source>Land-use class field</source>
            <translation>地类字段</translation>
        </message>
        <message>
            <source>Land-use patches (e.g. 三调 图斑) with a class field; gives surrounding_use.</source>
            <translation>带地类字段的土地利用图斑（如三调图斑）；得到 surrounding_use。</translation>
        </message>
        <message>
            <source>LandEval weight set</source>
            <translation>LandEval 权重方案</translation>
        </message>
        <message>
            <source>LandEval weight sets</source>
            <translation>LandEval 权重方案</translation>
        </message>
        <message>
            <source>LandEval — industrial land evaluation</source>
            <translation>LandEval — 工业用地评价</translation>
        </message>
        <message>
            <source>Language of texts</source>
            <translation>文字语言</translation>
        </message>
        <message>
            <source>Language of the explanations, field aliases and legend labels written into the output (reasons, disposal hints): 0 Chinese, 1 English, 2 the language QGIS runs in when the algorithm runs (default; Chinese for any Chinese locale, else English). Coded fields keep their ids either way.</source>
            <translation>写入输出结果的说明文字、字段别名和图例标注（原因、处置建议）所用的语言：0 中文，1 英文，2 运行算法时 QGIS 界面所用的语言（默认；任何中文区域设置均为中文，其他为英文）。编码字段始终保存其编号。</translation>
        </message>
        <message>
            <source>Language of the labels: names in the tree and the texts the runs write into their outputs</source>
            <translation>标签语言：权重树中的名称，以及计算写入结果的文字</translation>
        </message>
        <message>
            <source>Language of the report's headings, texts, labels and map legend: 0 the language QGIS runs in (default; Chinese for any Chinese locale, else English), 1 Chinese, 2 English, 3 both (Chinese first, then English). The parcels' own names and values are shown as they are.</source>
            <translation>报告标题、文字、标注和地图图例所用的语言：0 QGIS 界面所用的语言（默认；任何中文区域设置均为中文，其他为英文），1 中文，2 英文，3 中英双语（先中文后英文）。宗地自身的名称和数值按原样显示。</translation>
        </message>
        <message>
            <source>Later round</source>
            <translation>本轮评价</translation>
        </message>
        <message>
            <source>Layout template (.qpt)</source>
            <translation>版式模板</translation>
        </message>
        <message>
            <source>Level field of the zones</source>
            <translation>分区层级字段</translation>
        </message>
        <message>
            <source>Level:</source>
            <translation>层级：</translation>
        </message>
        <message>
            <source>List</source>
            <translation>清单</translation>
        </message>
        <message>
            <source>List of {count} parcel(s) → {link}</source>
            <translation>清单 {count} 宗 → {link}</translation>
        </message>
        <message>
            <source>Live preview: after one Apply, editing weights shows how many parcels change tier.</source>
            <translation>实时预览：评价一次后，修改权重即可预览等级变化（多少宗地的等级会改变）。</translation>
        </message>
        <message>
            <source>Macro evaluation: sums the evaluated parcels per zone — the polygons of ZONES (parks, towns; a parcel belongs to the zone containing a point inside it) or the values of ZONE_FIELD (level, town, park id) — and compares each zone with the whole district. Counts and areas by tier and category, inefficient area and its share, area-weighted mean score, the sums of output, tax, employees, floor area, … and the indicators recomputed from those sums (Σ output / Σ area, not a mean of ratios). Then the county paper's Table 2 evaluation: each indicator of the system (SYSTEM, default county_table2) against the district and against the zones of the same level, and a Table 2 index: the weighted mean of zone ÷ district (district ÷ zone for a cost indicator), each capped at 2, so 1 = the district; weights from the '+' marks, a WEIGHT_SET (AHP) or entropy over the zones. The raw values stay beside the index because a composite can hide what the indicators show; t2_weak lists the indicators below the district. Optional REFERENCES compare each zone with outside figures.</source>
            <translation>宏观评价：按分区汇总评价后的宗地——分区为 ZONES 的面（园区、街镇；宗地归入包含其内部一点的分区）或 ZONE_FIELD 的取值（层级、街镇、园区编号）——并将每个分区与全域比较。统计各分级、各认定类别的宗数与面积，低效面积及其占比，面积加权平均得分，产值、税收、从业人员、建筑面积等的合计，以及由这些合计重新计算的指标（Σ 产值 / Σ 面积，而非比值的平均）。随后按县域论文表 2 评价：指标体系（SYSTEM，默认 county_table2）中的每项指标与全域及同层级分区相比，并计算表 2 指数：分区值 ÷ 全域值（逆向指标为全域值 ÷ 分区值）的加权平均，每项上限为 2，故 1 = 全域水平；权重取自“+”标记、WEIGHT_SET（层次分析法）或按分区计算的熵权法。原始指标值保留在指数旁，因为综合指数可能掩盖单项指标所反映的问题；t2_weak 列出低于全域的指标。可选的 REFERENCES 将每个分区与外部数值比较。</translation>
        </message>
        <message>
            <source>Many cities act only on parcels that stay inefficient, e.g. low output three years in a row. Give the evaluated layers of two or more years, oldest first: every parcel of the latest round is flagged persistent when each of the last N rounds flags it — inefficient = 1, or rated at or below a chosen tier. Parcels are matched by id (宗地编号) across rounds. A parcel absent from a round, or whose flag that round cannot tell, is not flagged in that round: persistence has to be shown by the data.</source>
            <translation>许多城市只处置持续低效的宗地，如连续三年产出低。请给出两年或多年的评价结果图层，由早到晚：最近一期的每宗地，若最近 N 期均标记了它——inefficient = 1，或分级处于所选等级及以下——即标记为连续低效。各期宗地按编号（宗地编号）匹配。某期中缺失的宗地，或该期无法判断其标记的宗地，在该期不计标记：连续低效必须由数据证明。</translation>
        </message>
        <message>
            <source>Map image</source>
            <translation>地图图片</translation>
        </message>
        <message>
            <source>Map styles from resources/styles (palette.yaml); labels from the LandEval catalogue and presets.</source>
            <translation>地图样式取自 resources/styles（palette.yaml）；标签取自 LandEval 指标目录与预设方案。</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>计算方法</translation>
        </message>
        <message>
            <source>Method and sources</source>
            <translation>方法来源</translation>
        </message>
        <message>
            <source>Monte-Carlo weight sensitivity as in multi-criteria decision analysis: Dirichlet or uniform perturbation of each level's weights, or Saaty-scale perturbation of recorded AHP judgements (Saaty 1980); ranks of a draw are the 'min' ranks of its scores rounded to 1/16383.</source>
            <translation>多准则决策分析中的蒙特卡罗权重敏感性分析：对各层权重做狄利克雷或均匀扰动，或对记录的层次分析法判断做 Saaty 标度扰动（Saaty 1980）；每次抽样的排名为其得分舍入到 1/16383 后的“min”排名。</translation>
        </message>
        <message>
            <source>Most inconsistent: &lt;b&gt;{row} vs {column}&lt;/b&gt; = {given} (the weights imply ≈ {implied})</source>
            <translation>最不一致：&lt;b&gt;{row} vs {column}&lt;/b&gt; = {given}（权重对应 ≈ {implied}）</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>下移</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <source>Move {id}</source>
            <translation>移动 {id}</translation>
        </message>
        <message>
            <source>Moves</source>
            <translation>迁移线</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>New construction cost (yuan/m²)</source>
            <translation>新建单价（元/m²）</translation>
        </message>
        <message>
            <source>Normalization</source>
            <translation>标准化</translation>
        </message>
        <message>
            <source>Normalization of {id}</source>
            <translation>{id} 的标准化方法</translation>
        </message>
        <message>
            <source>Normalization override</source>
            <translation>标准化方法</translation>
        </message>
        <message>
            <source>Normalize level</source>
            <translation>归一化</translation>
        </message>
        <message>
            <source>Normalize within groups of</source>
            <translation>分组字段</translation>
        </message>
        <message>
            <source>Normalize {level}</source>
            <translation>归一化{level}</translation>
        </message>
        <message>
            <source>Normalize: {level}</source>
            <translation>归一化：{level}</translation>
        </message>
        <message>
            <source>Normalizes every indicator of the weight set to 0–1 (min-max, benchmark ratio, percentile or clipped z-score; cost indicators reversed; categorical ones through their score map), multiplies by the combined weight (element weight × indicator weight) and sums (or takes the weighted geometric mean). Missing values follow the weight set's policy (re-weight, mean, zero). When the layer has veto_failed (checkvetoes), the parcels failing a veto are left out of the statistics (min, max, median, ranks) the others are scored against — the papers score only the parcels that pass — and are scored against them too. Raw indicator values stay in the layer beside the scores.</source>
            <translation>将权重方案中的每项指标标准化到 0–1（极差、基准值比、百分位或截尾标准分；逆向指标反向；分类指标按其得分映射），乘以组合权重（要素层权重 × 指标权重）后求和（或取加权几何平均）。缺失值按权重方案的策略处理（重新分配权重、取均值、取零）。图层含 veto_failed（checkvetoes）时，一票否决不通过的宗地不计入其他宗地据以评分的统计量（最小值、最大值、中位数、排名）——论文只对通过否决项的宗地评分——并同样以这些统计量为其评分。原始指标值保留在图层中得分旁边。</translation>
        </message>
        <message>
            <source>Not saved: fix these first</source>
            <translation>未保存：请先修正以下问题</translation>
        </message>
        <message>
            <source>Number of weight draws; 1000 gives p to about ±0.016 (one standard error at p = 0.5).</source>
            <translation>权重抽样次数；1000 次时 p 的精度约为 ±0.016（p = 0.5 时的一个标准误）。</translation>
        </message>
        <message>
            <source>OUTPUT: one feature per parcel id of either round (later geometry, earlier for disappeared parcels) with parcel_id, change (improved / worsened / unchanged / appeared / disappeared, shown in Chinese), tier_old, tier_new, tier_steps (new − old; negative = better), category_old, category_new, score_old, score_new, score_change; styled by change. OUTPUT_TIER_MATRIX / OUTPUT_CATEGORY_MATRIX: rows = class in the earlier round (plus `new`), columns = class in the later round (plus `gone`), counts of parcels, with totals.</source>
            <translation>OUTPUT：两期中任一期每个宗地编号一个要素（取后一期几何，消失的宗地取前一期几何），含 parcel_id、change（improved / worsened / unchanged / appeared / disappeared，以中文显示）、tier_old、tier_new、tier_steps（新 − 旧；负值 = 变好）、category_old、category_new、score_old、score_new、score_change；按 change 着色。OUTPUT_TIER_MATRIX / OUTPUT_CATEGORY_MATRIX：行 = 前一期类别（另加 `new`），列 = 后一期类别（另加 `gone`），值为宗地数，含合计。</translation>
        </message>
        <message>
            <source>OUTPUT: the .xlsx (or .csv) file; ROWS: the number of parcels listed.</source>
            <translation>OUTPUT：.xlsx（或 .csv）文件；ROWS：列入清单的宗地数。</translation>
        </message>
        <message>
            <source>OUTPUT: the HTML file; MAP: the tier map as PNG when a path is given.</source>
            <translation>OUTPUT：HTML 文件；MAP：给出路径时的分级图 PNG。</translation>
        </message>
        <message>
            <source>OUTPUT: the PDF (or, with ONE_FILE_PER_PARCEL, the folder holding &lt;parcel id&gt;.pdf files); PAGES: the number of pages printed.</source>
            <translation>OUTPUT：PDF（勾选 ONE_FILE_PER_PARCEL 时为存放 &lt;宗地编号&gt;.pdf 文件的文件夹）；PAGES：打印的页数。</translation>
        </message>
        <message>
            <source>OUTPUT: the parcels plus dest_/dist_/cost_&lt;pattern&gt; (destination park, distance in m, cost in 万元) for concentration, clustering and integration. OUTPUT_LINES: one line per move from the parcel's centroid to the nearest point of its destination. OUTPUT_TABLE: one row per pattern (first: the current state): parcels moved and unplaced, vacated land, floor area moved, relocation, demolition, construction, compensation and total cost (万元), new land needed at the destinations, freed construction-land quota, industrial land after, and the district's output and tax per unit of land (AREA_UNIT) after the pattern.</source>
            <translation>OUTPUT：宗地，另加集中、集聚与并园三种模式的 dest_/dist_/cost_&lt;pattern&gt;（迁入园区、距离 m、成本 万元）。OUTPUT_LINES：每次迁移一条线，从宗地质心到迁入地最近点。OUTPUT_TABLE：每种模式一行（第一行为现状）：迁移与未安置宗地数、腾退用地、迁移建筑面积、搬迁 / 拆除 / 建设 / 补偿费用及总成本（万元）、迁入地新增用地、释放的建设用地指标、更新后工业用地，以及该模式实施后全域的地均产值与地均税收（AREA_UNIT）。</translation>
        </message>
        <message>
            <source>OUTPUT: the parcels plus p_inefficient (0–1), tier_modal (the tier of most draws), tier_stability (share of draws in that tier), rank_p05 / rank_p50 / rank_p95 (rank over the draws, 1 = best), score_p05 / score_p95 (score interval over the draws), robust_class (robust_inefficient / contested / robust_retained) and robust_reason (veto, in_progress, eco_exit, reported: inefficient whatever the score; no_score); styled by robust_class. ROBUST_INEFFICIENT, CONTESTED, ROBUST_RETAINED: the counts. REPORT: the evaluation report with the robustness section (distribution of p, contested parcels, one-at-a-time chart, threshold sweep 0.40–0.80).</source>
            <translation>OUTPUT：宗地，另加 p_inefficient（0–1）、tier_modal（多数抽样中的分级）、tier_stability（处于该分级的抽样比例）、rank_p05 / rank_p50 / rank_p95（各次抽样的排名，1 = 最好）、score_p05 / score_p95（各次抽样的得分区间）、robust_class（robust_inefficient / contested / robust_retained）及 robust_reason（veto（一票否决）、in_progress、eco_exit、reported：不论得分均为低效；no_score）；按 robust_class 设置样式。ROBUST_INEFFICIENT、CONTESTED、ROBUST_RETAINED：各类计数。REPORT：含稳健性一节的评价报告（p 的分布、存疑宗地、单因素图、0.40–0.80 的阈值扫描）。</translation>
        </message>
        <message>
            <source>OUTPUT: the parcels plus the value indicators computed (dist_centre m, dist_transit m, road_density km/km², poi_count, land_price, surrounding_use), value_score (0–1), v_&lt;element&gt; sub-scores, value_rank, value_missing, value_weakest, quadrant (hv_hp, lv_hp, hv_lp or lv_lp, shown in words), disposal (hint in LANGUAGE) and abcd_list (A–D); styled as a bivariate map. OUTPUT_LIST: the ABCD list — per quadrant its class, disposal hint, number of parcels and area in 亩.</source>
            <translation>OUTPUT：宗地，另加计算出的价值指标（dist_centre m、dist_transit m、road_density km/km²、poi_count、land_price、surrounding_use）、value_score（0–1）、v_&lt;element&gt; 分项得分、value_rank、value_missing、value_weakest、quadrant（hv_hp / lv_hp / hv_lp / lv_lp，以文字显示）、disposal（处置建议，语言按 LANGUAGE）及 abcd_list（A–D）；以双变量地图设置样式。OUTPUT_LIST：ABCD 清单——每个象限的类别、处置建议、宗数与面积（亩）。</translation>
        </message>
        <message>
            <source>OUTPUT: the parcels with level (base/community/block), park_fid (feature id of the park holding the parcel, empty if none) and, with DEV_BOUNDARY, inside_dev_boundary (1 = at least half inside). OUTPUT_PARKS (optional): the parks with area_km2, n_parcels, industrial_share (0–1), standing_rank (national/provincial/municipal/county/town as read), dev_zone (1 = a development or high-tech zone), level, level_basis (standing, or area when standing could not be read), share_target (0.6 base, 0.5 community, empty for blocks) and meets_share_target (base: share &gt; 60 %; community: 40–60 %).</source>
            <translation>OUTPUT：宗地，含 level（base/community/block）、park_fid（所在园区的要素编号，无则为空），给出 DEV_BOUNDARY 时还有 inside_dev_boundary（1 = 至少一半在内）。OUTPUT_PARKS（可选）：园区，含 area_km2、n_parcels、industrial_share（0–1）、standing_rank（识别出的 national/provincial/municipal/county/town）、dev_zone（1 = 开发区或高新区）、level、level_basis（standing，或无法读取等级时为 area）、share_target（基地 0.6，社区 0.5，街坊为空）及 meets_share_target（基地：占比 &gt; 60 %；社区：40–60 %）。</translation>
        </message>
        <message>
            <source>OUTPUT: the styled layer (for chaining in a model); STYLE_SAVED: where the style was saved (the GeoPackage, the .qml file) or empty for a memory layer.</source>
            <translation>OUTPUT：已设样式的图层（供模型串联）；STYLE_SAVED：样式的保存位置（GeoPackage 或 .qml 文件），内存图层为空。</translation>
        </message>
        <message>
            <source>Objective</source>
            <translation>客观</translation>
        </message>
        <message>
            <source>Objective weights of indicator fields from how much their values vary across the parcels: the entropy weight method, or CRITIC (contrast × conflict). A constant field gets weight 0; missing values are left out of their field.</source>
            <translation>由指标字段在各宗地间的变异程度求客观权重：熵权法，或 CRITIC 法（对比强度 × 冲突性）。常数字段权重为 0；缺失值不参与该字段的计算。</translation>
        </message>
        <message>
            <source>On the evaluated layer: &lt;b&gt;{layer}&lt;/b&gt;</source>
            <translation>评价结果：&lt;b&gt;{layer}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>One PDF per parcel</source>
            <translation>每宗一个文件</translation>
        </message>
        <message>
            <source>One feature per zone (with its geometry when ZONES is given, else a table with the ZONE_FIELD value): n_parcels, area_m2, area_&lt;unit&gt;, n_tier_A…D/T and area_tier_* (area unit of the input), n_cat_&lt;category&gt; and area_cat_&lt;category&gt;, n_inefficient, area_inefficient, ineff_area_share (0–1), mean_score, sums of the extensive inputs (万元, 人, m²), indicators from the sums, and &lt;indicator&gt;_vs_all = zone value ÷ all-zone value (1 = district average); with Table 2 inputs also zone_level, t2_score (index, district = 1), t2_indicators, t2_weak, t2_rank_level, t2_vs_level and &lt;indicator&gt;_vs_level (÷ the zones of its level together), and per reference &lt;indicator&gt;_vs_refK and t2_vs_refK; coloured by t2_score. OUTPUT_LEVELS: the district and each level.</source>
            <translation>每个分区一个要素（给出 ZONES 时带几何，否则为含 ZONE_FIELD 取值的表）：n_parcels、area_m2、area_&lt;unit&gt;、n_tier_A…D/T 与 area_tier_*（输入的面积单位）、n_cat_&lt;category&gt; 与 area_cat_&lt;category&gt;、n_inefficient、area_inefficient、ineff_area_share（0–1）、mean_score、总量类输入的合计（万元、人、m²）、由合计计算的指标，以及 &lt;indicator&gt;_vs_all = 分区值 ÷ 全部分区值（1 = 全域平均）；有表 2 输入时还有 zone_level、t2_score（指数，全域 = 1）、t2_indicators、t2_weak、t2_rank_level、t2_vs_level 与 &lt;indicator&gt;_vs_level（÷ 同层级分区合计），以及每个参照对象的 &lt;indicator&gt;_vs_refK 与 t2_vs_refK；按 t2_score 着色。OUTPUT_LEVELS：全域及各层级。</translation>
        </message>
        <message>
            <source>One-at-a-time chart: moving each element weight…</source>
            <translation>单因素图：逐一变动各要素层权重…</translation>
        </message>
        <message>
            <source>Open YAML…</source>
            <translation>打开 YAML…</translation>
        </message>
        <message>
            <source>Open weight set</source>
            <translation>打开权重方案</translation>
        </message>
        <message>
            <source>Optional YAML mapping of canonical ids to your column names for headers LandEval does not recognise, e.g. 'tax: 实缴税金' or 'parcel_id: ZDBH'; an entry may state the column's unit, 'tax: {field: 实缴税金, unit: 元}', which is converted to the catalogue's (as a unit in a header such as 税收总额（元） is). Applies to the parcel layer and the enterprise table.</source>
            <translation>可选的 YAML 字段映射，将标准标识对应到 LandEval 无法识别的表头，如 'tax: 实缴税金' 或 'parcel_id: ZDBH'；条目可注明该列的单位，'tax: {field: 实缴税金, unit: 元}'，会换算为指标目录的单位（与 税收总额（元） 这类表头中的单位一样）。适用于宗地图层与企业表。</translation>
        </message>
        <message>
            <source>Optional column to normalize within: a parcel field, an enterprise column such as industry_code, or level (with PARKS).</source>
            <translation>可选的分组标准化字段：宗地字段、企业字段（如 industry_code），或 level（需给出 PARKS）。</translation>
        </message>
        <message>
            <source>Optional enterprise table (CSV in UTF-8 or GBK, XLSX, GeoPackage, …) with Chinese or canonical headers, or a point layer. Several firms on one parcel are aggregated: quantities summed, rates weighted, categories from the largest firm, veto flags failing when any firm fails.</source>
            <translation>可选的企业表（UTF-8 或 GBK 编码的 CSV、XLSX、GeoPackage、…），表头为中文或标准标识，也可为点图层。一宗地上的多家企业予以汇总：数量求和，比率加权，类别取最大企业的，任一企业不通过时否决项标记即为不通过。</translation>
        </message>
        <message>
            <source>Optional field (industry code, scale level, town): each indicator is normalized within each group, because output per 亩 of a chemical plant and of a garment workshop are not comparable.</source>
            <translation>可选字段（行业代码、空间层级、街镇）：每项指标在各组内分别标准化，因为化工厂与服装厂的亩均产值不可比。</translation>
        </message>
        <message>
            <source>Optional low,high (e.g. 0.55,0.65): the threshold of each draw is drawn uniformly in this range. Empty: the rule set's threshold in every draw.</source>
            <translation>可选的 低,高（如 0.55,0.65）：每次抽样的阈值在此范围内均匀抽取。为空时每次抽样都用规则方案的阈值。</translation>
        </message>
        <message>
            <source>Optional names of the rounds in the same order, comma-separated (e.g. 2022,2023,2024), used in messages.</source>
            <translation>可选的各期名称，顺序相同，以逗号分隔（如 2022,2023,2024），用于提示信息。</translation>
        </message>
        <message>
            <source>Optional park polygons: each parcel is given the name of the park containing it (from the field 园区名称, park_name or name, else the first text field).</source>
            <translation>可选的园区面：每宗地获得包含它的园区名称（取自字段 园区名称、park_name 或 name，否则取第一个文本字段）。</translation>
        </message>
        <message>
            <source>Optional points; gives poi_count (POIs within POI_RADIUS of the parcel centroid) and poi_density (per km² of that circle). Any CRS.</source>
            <translation>可选点图层；得到 poi_count（宗地质心 POI_RADIUS 范围内的设施点数）与 poi_density（该圆内每 km² 的设施点数）。任意坐标系。</translation>
        </message>
        <message>
            <source>Optional polygons drawn as outlines on each page's map.</source>
            <translation>可选面图层，在每页地图上以轮廓线绘出。</translation>
        </message>
        <message>
            <source>Optional polygons: parcels get inside_dev_boundary (1 when at least half of the parcel is inside).</source>
            <translation>可选面图层：宗地获得 inside_dev_boundary（宗地至少一半位于其内时为 1）。</translation>
        </message>
        <message>
            <source>Optional polygons; gives inside_dev_boundary = 1 when at least half of the parcel lies inside. Any CRS.</source>
            <translation>可选面图层；宗地至少一半位于其内时 inside_dev_boundary = 1。任意坐标系。</translation>
        </message>
        <message>
            <source>Optional polygons; gives redline_share, the fraction (0–1) of each parcel inside them. Any CRS.</source>
            <translation>可选面图层；得到 redline_share，即各宗地位于其内的比例（0–1）。任意坐标系。</translation>
        </message>
        <message>
            <source>Optional small table (CSV, XLSX or layer): one row per reference — another district, a provincial or national figure — with a name column (name, 名称 or 参照) and indicator columns by id or Chinese header (地均产值, 地均税收, …) in the units of this output (INPUT's area unit, e.g. 万元/亩). Adds &lt;indicator&gt;_vs_refK and t2_vs_refK.</source>
            <translation>可选的小表（CSV、XLSX 或图层）：每个参照对象一行——其他区县、全省或全国数值——含名称列（name / 名称 / 参照），以及按指标标识或中文表头（地均产值、地均税收、…）命名的指标列，单位与本输出一致（INPUT 的面积单位，如 万元/亩）。增加 &lt;indicator&gt;_vs_refK 与 t2_vs_refK。</translation>
        </message>
        <message>
            <source>Optional table: one row for the whole district and one per level (base, community, block) with the same counts, sums, Table 2 indicators and index (district = 1).</source>
            <translation>可选表：全域一行、每个层级（产业基地、产业社区、产业街坊）各一行，含相同的计数、合计、表 2 指标与指数（全域 = 1）。</translation>
        </message>
        <message>
            <source>Optional, with ZONES: the OUTPUT_LEVELS table of landeval:aggregatezones; adds the district and each level (base, community, block) with their index and indicator values above the zone table.</source>
            <translation>可选，与 ZONES 一起使用：landeval:aggregatezones 的 OUTPUT_LEVELS 表；在分区表之上增加全域及各层级（产业基地、产业社区、产业街坊）的指数与指标值。</translation>
        </message>
        <message>
            <source>Optional: also save the tier map as a PNG file.</source>
            <translation>可选：同时将分级图另存为 PNG 文件。</translation>
        </message>
        <message>
            <source>Optional: the HTML report of the output layer with the robustness section.</source>
            <translation>可选：输出图层的 HTML 报告，含稳健性一节。</translation>
        </message>
        <message>
            <source>Optional: the OUTPUT of landeval:aggregatezones with the Table 2 evaluation; adds each zone's index, its rank in its level, the indicators below the district and every indicator's value beside its ratio to the district.</source>
            <translation>可选：含表 2 评价的 landeval:aggregatezones 的 OUTPUT；增加各分区的指数、在本层级内的排名、低于全域的指标，以及每项指标值及其与全域之比。</translation>
        </message>
        <message>
            <source>Optional: the OUTPUT of landeval:comparerounds; adds the counts of improved / worsened / unchanged / appeared / disappeared parcels, the tier and category transition matrices and the list of parcels that worsened.</source>
            <translation>可选：landeval:comparerounds 的 OUTPUT；增加改善 / 变差 / 不变 / 新增 / 消失的宗地数、分级与类别转移矩阵及变差宗地清单。</translation>
        </message>
        <message>
            <source>Optional: the OUTPUT of landeval:twoevaluations; adds parcel counts and areas per quadrant and per class of the ABCD list.</source>
            <translation>可选：landeval:twoevaluations 的 OUTPUT；增加各象限及 ABCD 清单各类的宗数与面积。</translation>
        </message>
        <message>
            <source>Optional: the OUTPUT_TABLE of landeval:renewalscenarios; adds the comparison of the three patterns (parcels moved, vacated land, costs, freed quota, output and tax per unit of land).</source>
            <translation>可选：landeval:renewalscenarios 的 OUTPUT_TABLE；增加三种模式的比较（迁移宗地、腾退用地、成本、释放指标、地均产值与地均税收）。</translation>
        </message>
        <message>
            <source>Optional: the parks with area, industrial share, standing read, level and share target.</source>
            <translation>可选：园区，含面积、工业用地占比、识别出的等级、层级与占比目标。</translation>
        </message>
        <message>
            <source>Optional: write the self-contained HTML report of the run here.</source>
            <translation>可选：将本次运行的独立 HTML 报告写到此处。</translation>
        </message>
        <message>
            <source>Optional: write the weights as a LandEval weight set (YAML).</source>
            <translation>可选：将权重写为 LandEval 权重方案（YAML）。</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Outputs loaded; no summary: {error}</source>
            <translation>结果已加载，无法汇总：{error}</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>POI radius (m)</source>
            <translation>服务半径(米)</translation>
        </message>
        <message>
            <source>POIs (public services)</source>
            <translation>公共服务设施</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>页数</translation>
        </message>
        <message>
            <source>Pairwise comparison matrix</source>
            <translation>判断矩阵</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Parcel dossiers (PDF atlas)</source>
            <translation>宗地档案（一宗一档）</translation>
        </message>
        <message>
            <source>Parcel filter</source>
            <translation>宗地筛选</translation>
        </message>
        <message>
            <source>Parcel id field</source>
            <translation>宗地编号字段</translation>
        </message>
        <message>
            <source>Parcel id field (earlier)</source>
            <translation>上一轮宗地编号字段</translation>
        </message>
        <message>
            <source>Parcel id field (later)</source>
            <translation>宗地编号字段</translation>
        </message>
        <message>
            <source>Parcel levels</source>
            <translation>宗地层级</translation>
        </message>
        <message>
            <source>Parcel town field</source>
            <translation>宗地街镇字段</translation>
        </message>
        <message>
            <source>Parcel {parcel}: its dossier page could not be printed ({error}); the other pages were written. Check this parcel's geometry and attributes.</source>
            <translation>宗地 {parcel}：其档案页无法打印（{error}）；其他页已写出。请检查该宗地的几何与属性。</translation>
        </message>
        <message>
            <source>Parcels</source>
            <translation>宗地</translation>
        </message>
        <message>
            <source>Parcels by potential class</source>
            <translation>潜力类型</translation>
        </message>
        <message>
            <source>Parcels in no park (industrial blocks): {parcels}</source>
            <translation>不在任何园区内的宗地（产业街坊）：{parcels}</translation>
        </message>
        <message>
            <source>Parcels registered</source>
            <translation>已登记宗地数</translation>
        </message>
        <message>
            <source>Parcels with LandEval results (evaluate or classifyparcels output); area_m2 is used when present, otherwise the area is measured.</source>
            <translation>含 LandEval 结果的宗地（evaluate 或 classifyparcels 的输出）；有 area_m2 时使用该字段，否则量算面积。</translation>
        </message>
        <message>
            <source>Parcels with contracts</source>
            <translation>宗地（含合同约定）</translation>
        </message>
        <message>
            <source>Parcels with level (classifyscale or evaluate with parks) and, where available, inside_dev_boundary, inefficient, area_m2, floor_area or plot_ratio, output_value and tax.</source>
            <translation>带层级的宗地（classifyscale 的输出，或给出园区的 evaluate 的输出），如有还应含 inside_dev_boundary、inefficient、area_m2、floor_area 或 plot_ratio、output_value 与 tax。</translation>
        </message>
        <message>
            <source>Parcels with the performance score (field `score` of scoreparcels / evaluate, or the field the quadrant rules name).</source>
            <translation>含绩效得分的宗地（scoreparcels / evaluate 的 `score` 字段，或象限规则指定的字段）。</translation>
        </message>
        <message>
            <source>Parcels with their contract targets and dates and the achieved values (an evaluated layer, or the parcel table with 固定资产投资, 总产值, 税收, 容积率).</source>
            <translation>含合同约定指标、日期及实际值的宗地（评价结果图层，或含 固定资产投资、总产值、税收、容积率 的宗地表）。</translation>
        </message>
        <message>
            <source>Parcels with {what} (usually the output of the previous LandEval step). Fields are recognised by canonical id or Chinese header.</source>
            <translation>含{what}的宗地（通常为上一步 LandEval 的输出）。字段按标准标识或中文表头识别。</translation>
        </message>
        <message>
            <source>Parcels without enterprise</source>
            <translation>无企业宗地数</translation>
        </message>
        <message>
            <source>Parcels without geometry</source>
            <translation>无几何宗地数</translation>
        </message>
        <message>
            <source>Park integration: blocks whose centroid is within this distance (metres) of a base's boundary are merged into that base.</source>
            <translation>适度并园：质心距产业基地边界在此距离（米）以内的产业街坊并入该基地。</translation>
        </message>
        <message>
            <source>Park level field</source>
            <translation>园区层级字段</translation>
        </message>
        <message>
            <source>Park levels</source>
            <translation>园区层级</translation>
        </message>
        <message>
            <source>Park levels: {levels}</source>
            <translation>园区层级：{levels}</translation>
        </message>
        <message>
            <source>Park levels…</source>
            <translation>园区层级划分中…</translation>
        </message>
        <message>
            <source>Park name field</source>
            <translation>园区名称字段</translation>
        </message>
        <message>
            <source>Park polygons (development zones, high-tech zones, municipal parks, town industrial points). The level comes from the park's standing, read from its zone type (国家级经济技术开发区, 省级高新区, 市级工业园区, 镇级工业集中点, …) and/or its level (国家级/省级/市级/县级/镇级); a park whose standing cannot be read is levelled by area and named in a warning. The industrial share (0–1) is reported against Jiangning's targets; without a share field it is the area of the parcels inside the park divided by its area.</source>
            <translation>园区面（开发区、高新区、市级园区、镇级工业集中点）。层级取决于园区等级，由园区类型（国家级经济技术开发区、省级高新区、市级工业园区、镇级工业集中点、…）和/或级别（国家级/省级/市级/县级/镇级）读取；无法读取等级的园区按面积定级，并在警告中列出。工业用地占比（0–1）与江宁的目标对照报告；无占比字段时，取园区内宗地面积除以园区面积。</translation>
        </message>
        <message>
            <source>Park polygons with their level (classifyscale's OUTPUT_PARKS): base and community parks are the destinations; block-level parks are ignored.</source>
            <translation>带层级的园区面（classifyscale 的 OUTPUT_PARKS）：产业基地与产业社区为迁入地；产业街坊级园区不予考虑。</translation>
        </message>
        <message>
            <source>Park town field</source>
            <translation>园区街镇字段</translation>
        </message>
        <message>
            <source>Parks</source>
            <translation>园区</translation>
        </message>
        <message>
            <source>Parks (scale levels)</source>
            <translation>园区（层级划分）</translation>
        </message>
        <message>
            <source>Parks meeting Jiangning's industrial share target: {met} of {total} bases and communities with a share.</source>
            <translation>达到江宁工业用地占比目标的园区：有占比数据的 {total} 个产业基地与产业社区中有 {met} 个。</translation>
        </message>
        <message>
            <source>Parks: &lt;b&gt;{layer}&lt;/b&gt;</source>
            <translation>园区：&lt;b&gt;{layer}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Parks: &lt;b&gt;{layer}&lt;/b&gt; (levels from landeval:classifyscale first)</source>
            <translation>园区：&lt;b&gt;{layer}&lt;/b&gt;（先用 landeval:classifyscale 划分园区层级）</translation>
        </message>
        <message>
            <source>Parks: choose them under Apply ▸ Spatial inputs.</source>
            <translation>园区：请在“空间数据”中选择园区图层。</translation>
        </message>
        <message>
            <source>Path rules (YAML)</source>
            <translation>路径规则</translation>
        </message>
        <message>
            <source>Paths</source>
            <translation>路径</translation>
        </message>
        <message>
            <source>Paths: {paths} | Clearance zones: {zones}</source>
            <translation>路径: {paths} | 清退分区: {zones}</translation>
        </message>
        <message>
            <source>Persistent inefficiency</source>
            <translation>连续低效识别</translation>
        </message>
        <message>
            <source>Persistently inefficient parcels</source>
            <translation>连续低效</translation>
        </message>
        <message>
            <source>Perturbation</source>
            <translation>扰动方法</translation>
        </message>
        <message>
            <source>Plot ratio assumed for a parcel with neither floor_area nor plot_ratio (counted in the log).</source>
            <translation>既无 floor_area 也无 plot_ratio 的宗地所假定的容积率（在日志中计数）。</translation>
        </message>
        <message>
            <source>Plot ratio at which a moved firm is rebuilt in a base: new land = floor area ÷ this.</source>
            <translation>迁移企业在产业基地重建时的容积率：新增用地 = 建筑面积 ÷ 此值。</translation>
        </message>
        <message>
            <source>Plot ratio at which a moved firm is rebuilt in a community.</source>
            <translation>迁移企业在产业社区重建时的容积率。</translation>
        </message>
        <message>
            <source>Points of the district's and towns' centres; gives dist_centre.</source>
            <translation>区、镇中心点；得到 dist_centre。</translation>
        </message>
        <message>
            <source>Potential classes</source>
            <translation>潜力类型（批而未供·供而未用·低效用地）</translation>
        </message>
        <message>
            <source>Presentation</source>
            <translation>展示</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>预设方案</translation>
        </message>
        <message>
            <source>Preview paused: {problem}</source>
            <translation>预览暂停：{problem}</translation>
        </message>
        <message>
            <source>Preview unavailable: {error}</source>
            <translation>无法预览：{error}</translation>
        </message>
        <message>
            <source>Preview: &lt;b&gt;{changed}&lt;/b&gt; of {total} parcels would change tier</source>
            <translation>预览：{total} 宗中有 &lt;b&gt;{changed}&lt;/b&gt; 宗等级将改变</translation>
        </message>
        <message>
            <source>Print dossiers</source>
            <translation>打印档案</translation>
        </message>
        <message>
            <source>Prints one A4 dossier page per parcel (一宗一档) with QGIS's layout and atlas: a map of the parcel and its neighbours coloured by tier with the ecological red line, development boundary and parks, a scale bar and north arrow; the identity block (id, street, park, scale level, area in 亩 and m², enterprises); the element sub-scores as bars; the indicator table (value with unit, district median, normalized score, combined weight, weighted contribution, the weakest marked); the score against the threshold, failed vetoes, type and flags, category and tier, and — when the layer has them — the redevelopment path and clearance zone (landeval:suggestpaths), the robustness class and the verification flag; the data-quality notes of the parcel; a footer with the date, the weight set and its sha256 digest. The page is the template resources/layouts/dossier.qpt: open it in the layout designer (Project › Layout Manager › Create from template), change logo, header or fonts, save it and give it as TEMPLATE. Normalized scores and contributions are recomputed with the weight set over the whole layer; give the PRESET or WEIGHT_SET the layer was evaluated with (a warning says when the recomputed scores differ from the layer's).</source>
            <translation>用 QGIS 的版式与图集为每宗地打印一页 A4 宗地档案（一宗一档）：宗地及相邻宗地按分级着色的地图，附生态保护红线、城镇开发边界与园区、比例尺和指北针；基本信息块（编号、街道、园区、空间层级、面积（亩与 m²）、企业）；以条形图显示的要素层分项得分；指标表（带单位的指标值、全区中位数、标准化得分、组合权重、加权贡献，标出最弱项）；得分与阈值的对比、不通过的否决项、低效类型与标记、认定类别与分级，以及图层中有时的再开发路径与清退分区（landeval:suggestpaths）、稳健性类别与待核实标记；该宗地的数据质量说明；页脚为日期、权重方案及其 sha256 摘要。页面即模板 resources/layouts/dossier.qpt：在版式设计器中打开（项目 › 版式管理器 › 从模板创建），修改徽标、页眉或字体，保存后作为 TEMPLATE 给出。标准化得分与贡献按权重方案对整个图层重新计算；请给出该图层评价时所用的 PRESET 或 WEIGHT_SET（重新计算的得分与图层中的不一致时会给出警告）。</translation>
        </message>
        <message>
            <source>Priority weights of criteria from a reciprocal pairwise comparison matrix on Saaty's 1–9 scale (a_ij = how much more important criterion i is than j; a_ji = 1/a_ij), with the consistency check. The weights can be written as a LandEval weight set for scoreparcels.</source>
            <translation>由 Saaty 1–9 标度的互反判断矩阵求准则的排序权重（a_ij = 准则 i 相对 j 的重要程度；a_ji = 1/a_ij），并做一致性检验。权重可写为 LandEval 权重方案，供 scoreparcels 使用。</translation>
        </message>
        <message>
            <source>Public-service POIs</source>
            <translation>公共服务设施点</translation>
        </message>
        <message>
            <source>Public-service POIs; gives poi_count within RADIUS. Empty: the layer's own poi_count field (computeindicators) is used when it has one.</source>
            <translation>公共服务设施点；得到 RADIUS 范围内的 poi_count。为空时，若图层自带 poi_count 字段（computeindicators）则使用该字段。</translation>
        </message>
        <message>
            <source>Puts every parcel of an evaluated layer in one of the county paper's four potential classes of stock industrial land, across its life cycle: 批而未供 (approved, not supplied), 供而未用 (supplied, construction not begun), and built land the evaluation finds inefficient — urban inside the urban development boundary, rural outside it. The stage comes from the columns a parcel table commonly carries, recognised by their Chinese headers: 供地状态 (已供/未供) or 供地日期; 建设状态 or 开发利用状态 (未开工/在建/已竣工) or 实际开工日期 and 实际竣工日期; 是否已批 or 批准日期. A parcel whose table says nothing about supply or construction is taken as built and in use. A status word LandEval cannot read stops the run and is listed, rather than guessed.</source>
            <translation>将评价结果图层中的每宗地归入县域论文按全生命周期划分的四类存量工业用地潜力类型之一：批而未供、供而未用（已供地、未开工），以及评价认定为低效的已建用地——城镇开发边界内为城镇低效，边界外为农村低效。所处阶段取自宗地表中常见的列，按中文表头识别：供地状态（已供/未供）或 供地日期；建设状态 / 开发利用状态（未开工/在建/已竣工）或 实际开工日期 与 实际竣工日期；是否已批 或 批准日期。宗地表对供地和建设均无记录的宗地视为已建在用。LandEval 无法识别的状态词会中止运行并被列出，而不是猜测。</translation>
        </message>
        <message>
            <source>QGIS's language</source>
            <translation>QGIS 界面语言</translation>
        </message>
        <message>
            <source>Quadrant rules (YAML)</source>
            <translation>象限规则</translation>
        </message>
        <message>
            <source>Radius in metres for road density, POIs and surrounding land use (1 km: the 15-minute industrial living circle).</source>
            <translation>道路密度、公共服务设施点与周边土地利用的半径，单位米（1 km：15 分钟产业生活圈）。</translation>
        </message>
        <message>
            <source>Rail / metro stations (or bus hubs); gives dist_transit.</source>
            <translation>轨道交通 / 地铁站点（或公交枢纽）；得到 dist_transit。</translation>
        </message>
        <message>
            <source>Random seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>Reach of a base</source>
            <translation>基地周边范围</translation>
        </message>
        <message>
            <source>Rebuild the matrix from the tree's weights (ratios snapped to the 1–9 scale)</source>
            <translation>按权重树中的权重重建判断矩阵（比值取最接近的 1–9 标度）</translation>
        </message>
        <message>
            <source>Redevelopment paths</source>
            <translation>再开发路径</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>Reference values</source>
            <translation>外部参照值</translation>
        </message>
        <message>
            <source>Refuse inconsistent judgements</source>
            <translation>严格一致性检验</translation>
        </message>
        <message>
            <source>Register an evaluated round</source>
            <translation>登记评价轮次</translation>
        </message>
        <message>
            <source>Relocation cost (yuan/m²)</source>
            <translation>搬迁单价（元/m²）</translation>
        </message>
        <message>
            <source>Relocation cost per m² of the firm's floor area, in 元 (the default is illustrative: give the local figure).</source>
            <translation>按企业建筑面积每 m² 计的搬迁费用，单位元（默认值仅作示意：请填写当地数值）。</translation>
        </message>
        <message>
            <source>Remove the selected row</source>
            <translation>删除所选行</translation>
        </message>
        <message>
            <source>Remove {id}</source>
            <translation>删除 {id}</translation>
        </message>
        <message>
            <source>Rename {id}</source>
            <translation>重命名 {id}</translation>
        </message>
        <message>
            <source>Rendering the {style} map…</source>
            <translation>正在渲染 {style} 地图…</translation>
        </message>
        <message>
            <source>Renewal scenario comparison</source>
            <translation>更新情景比较表</translation>
        </message>
        <message>
            <source>Renewal scenarios</source>
            <translation>多情景更新方案</translation>
        </message>
        <message>
            <source>Renewal window before expiry (days)</source>
            <translation>到期前续期评估天数</translation>
        </message>
        <message>
            <source>Repaired geometries</source>
            <translation>修复几何数</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>报告</translation>
        </message>
        <message>
            <source>Report language</source>
            <translation>报告语言</translation>
        </message>
        <message>
            <source>Report written to {path}</source>
            <translation>报告已写出至 {path}</translation>
        </message>
        <message>
            <source>Road centre lines; gives road_density (km of road within RADIUS per km²).</source>
            <translation>道路中心线；得到 road_density（RADIUS 范围内每 km² 的道路公里数）。</translation>
        </message>
        <message>
            <source>Roads</source>
            <translation>道路</translation>
        </message>
        <message>
            <source>Robustly inefficient</source>
            <translation>稳健低效</translation>
        </message>
        <message>
            <source>Robustly retained</source>
            <translation>稳健保留</translation>
        </message>
        <message>
            <source>Robustness</source>
            <translation>稳健性</translation>
        </message>
        <message>
            <source>Robustness of the identification</source>
            <translation>识别结果稳健性</translation>
        </message>
        <message>
            <source>Robustness report</source>
            <translation>稳健性报告</translation>
        </message>
        <message>
            <source>Robustness report (HTML)</source>
            <translation>稳健性报告</translation>
        </message>
        <message>
            <source>Robustness section without the one-at-a-time chart: {error}</source>
            <translation>稳健性一节不含单因素图：{error}</translation>
        </message>
        <message>
            <source>Robustness: {counts}</source>
            <translation>稳健性：{counts}</translation>
        </message>
        <message>
            <source>Round (year or date)</source>
            <translation>轮次（年份或日期）</translation>
        </message>
        <message>
            <source>Round comparison</source>
            <translation>轮次对比</translation>
        </message>
        <message>
            <source>Round names</source>
            <translation>轮次名称</translation>
        </message>
        <message>
            <source>Round {round}: {count} parcel(s) registered in {where}</source>
            <translation>轮次 {round}：已在 {where} 登记 {count} 宗地块</translation>
        </message>
        <message>
            <source>Rounds</source>
            <translation>轮次对比</translation>
        </message>
        <message>
            <source>Row vs column, Saaty scale 1–9; entering a_ij sets a_ji = 1/a_ij.</source>
            <translation>行相对列的重要性（1–9 标度）；输入 a_ij 即设定 a_ji = 1/a_ij。</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>宗数</translation>
        </message>
        <message>
            <source>Rule set file (YAML)</source>
            <translation>规则方案文件（YAML）</translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>运行中…</translation>
        </message>
        <message>
            <source>Runs the whole evaluation in memory in one pass: computes areas, joins the enterprises, computes the spatial inputs and indicators (as computeindicators), checks the vetoes, scores, screens the inefficiency types, decides the final category and grades the tiers (as checkvetoes, scoreparcels — against the parcels that pass the vetoes — and classifyparcels), and with PARKS gives every parcel its scale level first (so GROUP_FIELD=level normalizes within levels). The output is styled by tier; a GeoPackage keeps the style. With REPORT, also writes the HTML report.</source>
            <translation>在内存中一次完成全部评价：量算面积，连接企业，计算空间输入与指标（同 computeindicators），检查否决项，计算得分，筛查低效类型，确定最终认定类别并划分分级（同 checkvetoes、scoreparcels——相对于通过否决项的宗地——与 classifyparcels）；给出 PARKS 时先为每宗地确定空间层级（因此 GROUP_FIELD=level 即在各层级内标准化）。输出按分级设置样式；GeoPackage 保留该样式。给出 REPORT 时还写出 HTML 报告。</translation>
        </message>
        <message>
            <source>SPEC §3.10: Jiangning paper §4.2.2 (modes of renewal; 增容技改 for land of 100 亩 or more whose firm has left the market) and §4.2.3 (three clearance zones); county paper §4.1 (strategy per inefficiency type: red-line land with more than 50 % under rigid control is reclaimed and restored; heavy industry is not simply built higher; quality-deficient firms phase out outdated capacity or re-let to high-tech or large industrial firms; safety risks rectify or exit). Every choice of ours: docs/methods.md, "Redevelopment paths and clearance zones".</source>
            <translation>SPEC §3.10：江宁论文 §4.2.2（更新方式；企业已退出市场且面积 100 亩及以上者增容技改）与 §4.2.3（三类清退分区）；县域论文 §4.1（按低效类型施策：刚性管控占比超过 50 % 的生态保护红线内用地收回并修复；重工业不简单加层；质量缺位企业淘汰落后产能或转租给高新技术或规模工业企业；安全隐患整改或退出）。我们的每项取舍见 docs/methods.md “Redevelopment paths and clearance zones”（再开发路径与清退分区）。</translation>
        </message>
        <message>
            <source>SPEC §3.12 (cities act on persistence, e.g. low output three years in a row); county paper §4.3, line 187 (annual project evaluations, addressing non-compliance).</source>
            <translation>SPEC §3.12（城市按持续性处置，如连续三年产出低）；县域论文 §4.3，第 187 行（项目年度评价，处置未达标项目）。</translation>
        </message>
        <message>
            <source>SPEC §3.12 (evaluations repeated yearly, full life-cycle supervision; track parcels that moved between tiers); county paper §4.3 (annual review of project performance).</source>
            <translation>SPEC §3.12（评价逐年开展，全生命周期监管；跟踪分级发生变化的宗地）；县域论文 §4.3（项目绩效年度复核）。</translation>
        </message>
        <message>
            <source>SPEC §3.12 (evaluations repeated yearly; cities act on parcels inefficient several years in a row).</source>
            <translation>SPEC §3.12（评价逐年开展；各市针对连续多年低效的地块采取措施）。</translation>
        </message>
        <message>
            <source>SPEC §4–§6: Jiangning two-level weights (Table 1), county paper Table 2 marks, Zhejiang 亩均论英雄 benchmark scoring; normalization formulas in SPEC §6.</source>
            <translation>SPEC §4–§6：江宁两级权重（表 1）、县域论文表 2 的标记、浙江亩均论英雄基准值评分；标准化公式见 SPEC §6。</translation>
        </message>
        <message>
            <source>Saaty, The Analytic Hierarchy Process (1980); random index RI(n) for n = 1…15: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59 (SPEC §5).</source>
            <translation>Saaty，《层次分析法》（The Analytic Hierarchy Process，1980）；n = 1…15 的平均随机一致性指标 RI(n)：0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59（SPEC §5）。</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <source>Save weight set as</source>
            <translation>权重方案另存为</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <source>Scale level</source>
            <translation>空间层级</translation>
        </message>
        <message>
            <source>Scenario comparison</source>
            <translation>情景比较</translation>
        </message>
        <message>
            <source>Scenario parcels</source>
            <translation>情景宗地</translation>
        </message>
        <message>
            <source>Scenarios</source>
            <translation>更新情景</translation>
        </message>
        <message>
            <source>Score parcels</source>
            <translation>综合评分</translation>
        </message>
        <message>
            <source>Score threshold</source>
            <translation>低效阈值</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>综合得分</translation>
        </message>
        <message>
            <source>Screens each parcel with the rule set's inefficiency types in order (first match = type, every match = flags), identifies it (identification: score — a failed veto or a score below THRESHOLD, as the Jiangning paper; screening — a failed veto or any screen, as the county paper, the score then only informs), gives its final category by precedence (Jiangning: 正在推进 › 生态清退 › 地方上报 › 低效认定 › 现状保留) and grades tiers A/B/C/D (T = unrated, e.g. new projects) with a failed veto capping the tier. inefficient = 1 for every category but the last (现状保留). Needs the score (scoreparcels) and, for vetoes, veto_failed (checkvetoes).</source>
            <translation>按规则方案的低效类型逐一筛查每宗地（第一个匹配者为类型，全部匹配者为标记），进行低效认定（identification: score——一票否决不通过或得分低于 THRESHOLD，同江宁论文；screening——一票否决不通过或任一筛查命中，同县域论文，此时得分仅作参考），按优先次序确定最终认定类别（江宁：正在推进 › 生态清退 › 地方上报 › 低效认定 › 现状保留），并划分 A/B/C/D 分级（T = 不参评，如新建项目），否决项不通过时限定其最高分级。除最后一类（现状保留）外，inefficient 均为 1。需要得分（scoreparcels），否决项还需要 veto_failed（checkvetoes）。</translation>
        </message>
        <message>
            <source>Search radius</source>
            <translation>搜索半径</translation>
        </message>
        <message>
            <source>Search radius in metres (default 1000: the 15-minute industrial living circle).</source>
            <translation>搜索半径，单位米（默认 1000：15 分钟产业生活圈）。</translation>
        </message>
        <message>
            <source>Select the element to add the indicator to.</source>
            <translation>请先选择要素。</translation>
        </message>
        <message>
            <source>Set {key}</source>
            <translation>设置 {key}</translation>
        </message>
        <message>
            <source>Shanghai 两评估一清单一盘活 (2024): a comprehensive performance and a comprehensive value evaluation (location, accessibility, land value, surroundings) produce the ABCD list and its disposal paths (SPEC §3, Shanghai summary). The value weight set resources/rules/value.yaml is a starting point to calibrate locally.</source>
            <translation>上海两评估一清单一盘活（2024）：综合绩效评估与综合价值评估（区位、可达性、土地价值、周边环境）形成 ABCD 清单及其处置路径（SPEC §3，上海概要）。价值评估权重方案 resources/rules/value.yaml 是供本地校准的起点。</translation>
        </message>
        <message>
            <source>Shanghai's 'two evaluations, one list': beside the evaluation's performance score, a value score built the same way (normalize, weight, sum) from a value weight set whose indicators describe the parcel's location and surroundings: distance to the nearest centre and transit station, road density within RADIUS (accessibility), public-service POIs within RADIUS (the 1 km '15-minute industrial living circle'), a land-price field where the layer has one, and the land-use class covering most land around the parcel. Each layer is optional; an indicator without its input is missing and its weight goes to the others. Performance and value are each split into high and low (quadrant rule file: performance at 0.6, value at the district median by default); the four combinations carry a disposal hint (high value + low performance = priority revitalization) and a class of the ABCD list. Distances are measured from parcel centroids in metres (a geographic CRS in its UTM zone).</source>
            <translation>上海的“两评估一清单”：在评价的绩效得分之外，按同样方法（标准化、加权、求和）由价值评估权重方案构建价值得分，其指标描述宗地的区位与周边：到最近中心与轨道站点的距离、RADIUS 内的道路密度（可达性）、RADIUS 内的公共服务设施点（1 km 的“15 分钟产业生活圈”）、图层中有地价字段时的地价，以及宗地周边占地最多的土地利用类型。每个图层均为可选；缺少输入的指标按缺失处理，其权重分给其他指标。绩效与价值各分为高、低两档（象限规则文件：默认绩效以 0.6、价值以全域中位数为界）；四种组合各对应一条处置建议（高价值 + 低绩效 = 优先盘活）及 ABCD 清单中的一类。距离从宗地质心量算，单位米（地理坐标系在其 UTM 带内量算）。</translation>
        </message>
        <message>
            <source>Shapefile field names hold at most {limit} bytes (a Chinese character takes 2–3), so {count} output field(s) are cut: {fields} (GDAL numbers clashing names). LandEval steps, the report and the dock look fields up by their full names and will not find these. Write a GeoPackage (.gpkg) instead.</source>
            <translation>Shapefile 字段名最多 {limit} 字节（一个汉字占 2–3 字节），因此有 {count} 个输出字段被截断：{fields}（重名时由 GDAL 编号）。LandEval 的后续步骤、报告与停靠面板按完整字段名查找字段，将找不到这些字段。请改为写出 GeoPackage（.gpkg）。</translation>
        </message>
        <message>
            <source>Shipped weight sets</source>
            <translation>内置权重方案</translation>
        </message>
        <message>
            <source>Size of the perturbation: for Dirichlet the relative standard deviation of a weight of average size in its level; for uniform the half-width (0.2 = ±20 %). Also the move of each element weight in the report's one-at-a-time chart.</source>
            <translation>扰动的幅度：狄利克雷扰动时为本层平均大小权重的相对标准差；均匀扰动时为半宽（0.2 = ±20 %）。也是报告单因素图中每个要素层权重的变动幅度。</translation>
        </message>
        <message>
            <source>Spatial inputs (optional)</source>
            <translation>空间数据（可选）</translation>
        </message>
        <message>
            <source>Splits: performance {performance}, value {value}.</source>
            <translation>分界：绩效 {performance}，价值 {value}。</translation>
        </message>
        <message>
            <source>Spread</source>
            <translation>扰动幅度</translation>
        </message>
        <message>
            <source>Style</source>
            <translation>样式</translation>
        </message>
        <message>
            <source>Style saved in</source>
            <translation>样式保存位置</translation>
        </message>
        <message>
            <source>Styled layer</source>
            <translation>已设样式图层</translation>
        </message>
        <message>
            <source>Styled {layer} by {kind}</source>
            <translation>已按 {kind} 为 {layer} 设置样式</translation>
        </message>
        <message>
            <source>Styled {layer} by {kind}; default style saved in {saved}</source>
            <translation>已按 {kind} 为 {layer} 设置样式；默认样式保存在 {saved}</translation>
        </message>
        <message>
            <source>Styles a layer made by LandEval: categories of tier (A green → D red, T grey), final category (the Jiangning legend), inefficiency type or scale level, or a graduated composite score; sets Chinese field aliases and value maps (the attribute table shows 低效认定 instead of identified). The layer itself is not rewritten. On a GeoPackage the style is also saved in the file as its default style, and beside a Shapefile as a .qml, so the layer opens styled wherever the file is opened.</source>
            <translation>为 LandEval 生成的图层设置样式：按分级分类着色（A 绿 → D 红，T 灰）、按认定类别（江宁图例）、按低效类型或空间层级，或按综合得分分级着色；并设置中文字段别名与值映射（属性表显示“低效认定”而非 identified）。图层数据本身不改写。对 GeoPackage，样式同时作为默认样式存入文件；对 Shapefile，在旁边保存 .qml，无论在何处打开该文件，图层都带样式。</translation>
        </message>
        <message>
            <source>Styles in resources/styles/&lt;kind&gt;.qml; labels from the LandEval catalogue.</source>
            <translation>样式见 resources/styles/&lt;kind&gt;.qml；标签取自 LandEval 指标目录。</translation>
        </message>
        <message>
            <source>Subjective</source>
            <translation>主观</translation>
        </message>
        <message>
            <source>Suggest paths</source>
            <translation>路径建议</translation>
        </message>
        <message>
            <source>Suggest redevelopment paths</source>
            <translation>再开发路径建议</translation>
        </message>
        <message>
            <source>Table 2 weights used: {weights}</source>
            <translation>所用表 2 权重：{weights}</translation>
        </message>
        <message>
            <source>Target plot ratio in bases</source>
            <translation>基地目标容积率</translation>
        </message>
        <message>
            <source>Target plot ratio in communities</source>
            <translation>社区目标容积率</translation>
        </message>
        <message>
            <source>The .xlsx workbook to write; a name ending in .csv writes a GB18030 CSV.</source>
            <translation>要写出的 .xlsx 工作簿；以 .csv 结尾的文件名写出 GB18030 编码的 CSV。</translation>
        </message>
        <message>
            <source>The PDF to write (with ONE_FILE_PER_PARCEL: its name without .pdf is the folder).</source>
            <translation>要写出的 PDF（勾选 ONE_FILE_PER_PARCEL 时，其去掉 .pdf 的名称即文件夹名）。</translation>
        </message>
        <message>
            <source>The atlas could not be printed in one go ({error}); looking for the parcel at fault…</source>
            <translation>图集无法一次打印完成（{error}）；正在查找出错的宗地…</translation>
        </message>
        <message>
            <source>The date the milestones are judged on (2024-12-31, 2024/12/31 or 2024年12月31日); empty: today.</source>
            <translation>判断履约节点所依据的日期（2024-12-31、2024/12/31 或 2024年12月31日）；为空时取今天。</translation>
        </message>
        <message>
            <source>The enterprise field holding the parcel id. Empty: a column recognised as 宗地编号, else — for a point layer — the parcel containing each point.</source>
            <translation>企业表中记录宗地编号的字段。为空时取识别为 宗地编号 的列，否则——对点图层——取包含各点的宗地。</translation>
        </message>
        <message>
            <source>The evaluated layer of the earlier year (tier, category, score, inefficient — those it has are used).</source>
            <translation>上一年的评价结果图层（tier、category、score、inefficient——有哪些用哪些）。</translation>
        </message>
        <message>
            <source>The evaluated layer of the later year.</source>
            <translation>下一年的评价结果图层。</translation>
        </message>
        <message>
            <source>The evaluated parcels (memory, GeoPackage — styled by tier inside the file —, Shapefile, …).</source>
            <translation>评价后的宗地（内存、GeoPackage——文件内带分级样式——、Shapefile、…）。</translation>
        </message>
        <message>
            <source>The evaluated parcels of this round (a landeval:evaluate output, from a file or PostGIS).</source>
            <translation>本轮的评价结果地块（landeval:evaluate 的输出，来自文件或 PostGIS）。</translation>
        </message>
        <message>
            <source>The field identifying each parcel (宗地编号); enterprises join on it.</source>
            <translation>标识每宗地的字段（宗地编号）；企业按此字段连接。</translation>
        </message>
        <message>
            <source>The file opened, but it is not a valid weight set yet</source>
            <translation>文件已打开，但权重方案有问题</translation>
        </message>
        <message>
            <source>The history table (default landeval_rounds, no geometry): round, parcel_id, score, tier, category, inefficient, ineff_type, ineff_flags, weight_set, weight_digest, registered_at (UTC). Outputs REGISTERED (parcels appended) and HISTORY (where, without any password).</source>
            <translation>历史表（默认 landeval_rounds，无几何）：round、parcel_id、score、tier、category、inefficient、ineff_type、ineff_flags、weight_set、weight_digest、registered_at（UTC）。输出 REGISTERED（追加的宗地数）和 HISTORY（写入位置，不含任何密码）。</translation>
        </message>
        <message>
            <source>The indicator fields to weight (qgis_process: FIELDS=plot_ratio;tax_per_area;idle_rate). Text such as '1,234' or '12万' is read as a number; other text is an error naming the value.</source>
            <translation>参与赋权的指标字段（qgis_process：FIELDS=plot_ratio;tax_per_area;idle_rate）。'1,234' 或 '12万' 这样的文本按数值读取；其他文本报错并指明该值。</translation>
        </message>
        <message>
            <source>The indicators and weights of the zone evaluation: county_table2 (default; the county paper's Table 2, weights from its '+' marks) or another preset. A WEIGHT_SET file takes precedence.</source>
            <translation>分区评价的指标与权重：county_table2（默认；县域论文表 2，权重取自其“+”标记）或其他预设方案。给出 WEIGHT_SET 文件时以其为准。</translation>
        </message>
        <message>
            <source>The input parcels with the fields described under Output.</source>
            <translation>输入宗地，附“输出”一节所述字段。</translation>
        </message>
        <message>
            <source>The latest round's features and fields plus flagged_rounds (how many of the last N flag it), streak (consecutive flagged rounds ending with the latest), persistent (1/0) and history (one mark per round, oldest first: 1 flagged, 0 not, ? unknown, - absent). Coloured by persistent.</source>
            <translation>最近一期的要素与字段，另加 flagged_rounds（最近 N 期中标记它的期数）、streak（截至最近一期连续被标记的期数）、persistent（1/0）及 history（每期一个记号，由早到晚：1 标记，0 未标记，? 未知，- 缺失）。按 persistent 着色。</translation>
        </message>
        <message>
            <source>The layer has no veto_failed field: run checkvetoes first, or vetoes are not taken into account.</source>
            <translation>图层没有 veto_failed 字段：请先运行 checkvetoes，否则不考虑否决项。</translation>
        </message>
        <message>
            <source>The matrix values row by row (qgis_process: MATRIX=1,3,5,1/3,1,3,1/5,1/3,1). Either all n² cells, or only the n(n−1)/2 cells above the diagonal (the rest follows from reciprocity). Fractions such as 1/3 are accepted.</source>
            <translation>按行填写的矩阵值（qgis_process：MATRIX=1,3,5,1/3,1,3,1/5,1/3,1）。可填全部 n² 个单元格，或只填对角线以上的 n(n−1)/2 个单元格（其余由互反性得出）。可使用 1/3 这样的分数。</translation>
        </message>
        <message>
            <source>The new parcel layer with the indicator fields (memory, GeoPackage, Shapefile, …).</source>
            <translation>含指标字段的新宗地图层（内存、GeoPackage、Shapefile、…）。</translation>
        </message>
        <message>
            <source>The output of landeval:evaluate (inefficient, inside_dev_boundary) with the parcel table's supply, approval and construction columns.</source>
            <translation>landeval:evaluate 的输出（inefficient、inside_dev_boundary），含宗地表中的供地、批准与建设情况列。</translation>
        </message>
        <message>
            <source>The output of landeval:evaluate (or of classifyparcels): parcels with score, tier, category, …</source>
            <translation>landeval:evaluate（或 classifyparcels）的输出：含得分、分级、认定类别等的宗地。</translation>
        </message>
        <message>
            <source>The output of landeval:evaluate (or suggestpaths, for paths and clearance zones on the pages).</source>
            <translation>landeval:evaluate 的输出（或 suggestpaths 的输出，页面上即显示再开发路径与清退分区）。</translation>
        </message>
        <message>
            <source>The output of landeval:evaluate (or suggestpaths, for the path and clearance zone columns).</source>
            <translation>landeval:evaluate 的输出（或 suggestpaths 的输出，即含再开发路径与清退分区列）。</translation>
        </message>
        <message>
            <source>The output of landeval:evaluate or classifyparcels: inefficient, ineff_type, ineff_flags, category, level, veto_failed, veto_reasons, redline_share, inside_dev_boundary, area_m2, industry_code, registration_status …</source>
            <translation>landeval:evaluate 或 classifyparcels 的输出：inefficient、ineff_type、ineff_flags、category、level、veto_failed、veto_reasons、redline_share、inside_dev_boundary、area_m2、industry_code、registration_status …</translation>
        </message>
        <message>
            <source>The parcels with their attributes, the fields of computeindicators that KEEP_FIELDS keeps (area_m2, area_&lt;unit&gt;, n_enterprises, raw inputs, spatial inputs, indicators), veto_failed, veto_reasons, veto_unknown, needs_verification, score, score_rank, s_&lt;element&gt;, missing_count, weakest, ineff_type, ineff_flags, inefficient, review, category, tier and, with PARKS, level. Counts as in computeindicators; REPORT: the HTML file.</source>
            <translation>宗地及其属性，computeindicators 的字段中 KEEP_FIELDS 保留的部分（area_m2、area_&lt;unit&gt;、n_enterprises、原始输入、空间输入、指标）、veto_failed、veto_reasons、veto_unknown、needs_verification、score、score_rank、s_&lt;element&gt;、missing_count、weakest、ineff_type、ineff_flags、inefficient、review、category、tier，给出 PARKS 时还有 level。计数同 computeindicators；REPORT：HTML 文件。</translation>
        </message>
        <message>
            <source>The parcels with their level.</source>
            <translation>带层级的宗地。</translation>
        </message>
        <message>
            <source>The pipeline of SPEC §3 (Jiangning paper: vetoes, two-level weights, threshold 0.6, map categories; county paper: inefficiency types, levels; Zhejiang/Changle tiers).</source>
            <translation>SPEC §3 的流程（江宁论文：一票否决、两级权重、阈值 0.6、图面分类；县域论文：低效类型、层级；浙江/长乐分级）。</translation>
        </message>
        <message>
            <source>The round's year (2024) or the date of its evaluation (2024-06-30).</source>
            <translation>本轮的年份（2024）或评价日期（2024-06-30）。</translation>
        </message>
        <message>
            <source>The same seed gives exactly the same result; change it to check that DRAWS is large enough.</source>
            <translation>相同的种子得到完全相同的结果；更换种子可检验 DRAWS 是否足够大。</translation>
        </message>
        <message>
            <source>The style could not be saved as the default of {table} in public.layer_styles ({error}); the table opens unstyled. Ask the database administrator for INSERT, UPDATE and DELETE on public.layer_styles, or style the layer with landeval:applystyle.</source>
            <translation>无法将样式保存为 {table} 在 public.layer_styles 中的默认样式（{error}）；该表打开时没有样式。请数据库管理员授予 public.layer_styles 的 INSERT、UPDATE 和 DELETE 权限，或用 landeval:applystyle 为图层设置样式。</translation>
        </message>
        <message>
            <source>The style file {file} is missing from {folder}; the output is not coloured.</source>
            <translation>{folder} 中缺少样式文件 {file}；输出不着色。</translation>
        </message>
        <message>
            <source>The template has no attribute table with id {id}; that block is left out.</source>
            <translation>模板中没有 id 为 {id} 的属性表；该块略去。</translation>
        </message>
        <message>
            <source>The template has no map item with id 'map'; the pages are printed without the map.</source>
            <translation>模板中没有 id 为 'map' 的地图项；页面打印时不含地图。</translation>
        </message>
        <message>
            <source>The zone summary.</source>
            <translation>分区汇总。</translation>
        </message>
        <message>
            <source>This layer has no inside_dev_boundary: paths ignore the development boundary and no clearance zones come out. Evaluate with the development boundary (Apply ▸ Spatial inputs) to get them.</source>
            <translation>未评价开发边界，不划清退分区：该图层没有 inside_dev_boundary 字段，路径建议不考虑开发边界。评价时给出开发边界（应用到宗地图层 ▸ 空间数据）即可得到。</translation>
        </message>
        <message>
            <source>This layer has no score / tier: apply the set to get one.</source>
            <translation>该图层尚未评价（没有评分和等级）：用此方案评价一次即可得到。</translation>
        </message>
        <message>
            <source>Those of FIELDS where a smaller value is better (idle rate, energy per output); they are reversed before weighting.</source>
            <translation>FIELDS 中数值越小越好的字段（闲置率、单位产值能耗）；赋权前先反向处理。</translation>
        </message>
        <message>
            <source>Threshold range</source>
            <translation>阈值范围</translation>
        </message>
        <message>
            <source>Tier A/B/C/D</source>
            <translation>分级</translation>
        </message>
        <message>
            <source>Tier breaks</source>
            <translation>分级断点</translation>
        </message>
        <message>
            <source>Tier method</source>
            <translation>分级方法</translation>
        </message>
        <message>
            <source>Tier transitions</source>
            <translation>分级转移矩阵</translation>
        </message>
        <message>
            <source>Tiers ({count} parcels):</source>
            <translation>等级（{count} 宗）：</translation>
        </message>
        <message>
            <source>Town centres</source>
            <translation>城镇中心</translation>
        </message>
        <message>
            <source>Transit stations</source>
            <translation>轨道交通站点</translation>
        </message>
        <message>
            <source>Two evaluations</source>
            <translation>两评估</translation>
        </message>
        <message>
            <source>Two evaluations: performance × value</source>
            <translation>两评估（绩效×价值）</translation>
        </message>
        <message>
            <source>Two or more evaluated layers (landeval:evaluate outputs), one per year, oldest first. The output keeps the features of the last one.</source>
            <translation>两期或多期评价结果图层（landeval:evaluate 的输出），每年一期，由早到晚。输出保留最后一期的要素。</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Unit of per-area indicators and of the area_&lt;unit&gt; field: 亩 (1 亩 = 10000/15 m²), 公顷 (10 000 m²) or km² (10⁶ m²).</source>
            <translation>地均指标及 area_&lt;unit&gt; 字段的单位：亩（1 亩 = 10000/15 m²）、公顷（10 000 m²）或 km²（10⁶ m²）。</translation>
        </message>
        <message>
            <source>Urban development boundary</source>
            <translation>城镇开发边界</translation>
        </message>
        <message>
            <source>Use combined weights</source>
            <translation>使用组合权重</translation>
        </message>
        <message>
            <source>Use one normalization for every indicator instead of the weight set's: min-max, benchmark ratio (cap from the weight set), percentile rank or clipped z-score. Empty: as the weight set says.</source>
            <translation>对所有指标统一使用一种标准化方法，而不用权重方案中的设置：极差、基准值比（上限取自权重方案）、百分位排名或截尾标准分。为空时按权重方案。</translation>
        </message>
        <message>
            <source>Use preset</source>
            <translation>使用</translation>
        </message>
        <message>
            <source>Use these weights</source>
            <translation>使用此权重</translation>
        </message>
        <message>
            <source>Value weight set (YAML)</source>
            <translation>价值评估权重方案</translation>
        </message>
        <message>
            <source>Veto check</source>
            <translation>否决检查</translation>
        </message>
        <message>
            <source>WEIGHTS: JSON object {criterion: weight} (sums to 1); LAMBDA_MAX: principal eigenvalue λmax; CR: consistency ratio CI/RI(n) with CI = (λmax − n)/(n − 1), 0 for n ≤ 2; CONSISTENT: CR ≤ 0.10; OUTPUT_WEIGHT_SET (optional): a YAML weight set with one element holding the criteria as indicators (directions from the catalogue; unknown ids as custom benefit columns) and the matrix under meta: ahp_matrix (what landeval:robustness perturbs with METHOD 2).</source>
            <translation>WEIGHTS：JSON 对象 {准则: 权重}（和为 1）；LAMBDA_MAX：最大特征根 λmax；CR：一致性比率 CI/RI(n)，其中 CI = (λmax − n)/(n − 1)，n ≤ 2 时为 0；CONSISTENT：CR ≤ 0.10；OUTPUT_WEIGHT_SET（可选）：YAML 权重方案，含一个要素层，以各准则为指标（方向取自指标目录；未知标识作为自定义正向列），判断矩阵记于 meta: ahp_matrix（landeval:robustness 稳健性分析在 METHOD 2 下扰动的对象）。</translation>
        </message>
        <message>
            <source>WEIGHTS: JSON object {field: weight} (sums to 1); OUTPUT_WEIGHT_SET (optional): a YAML weight set with one element holding the fields as indicators (catalogue ids where a field is one, otherwise custom columns; COST_FIELDS as cost).</source>
            <translation>WEIGHTS：JSON 对象 {字段: 权重}（和为 1）；OUTPUT_WEIGHT_SET（可选）：YAML 权重方案，含一个要素层，以各字段为指标（字段为指标目录中的指标时用其标识，否则作为自定义列；COST_FIELDS 为逆向指标）。</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>Weight of {id} = {value}</source>
            <translation>{id} 的权重 = {value}</translation>
        </message>
        <message>
            <source>Weight set (YAML)</source>
            <translation>权重方案</translation>
        </message>
        <message>
            <source>Weight set file (YAML)</source>
            <translation>权重方案文件（YAML）</translation>
        </message>
        <message>
            <source>Weight sets (*.yaml *.yml)</source>
            <translation>权重方案 (*.yaml *.yml)</translation>
        </message>
        <message>
            <source>Weighting</source>
            <translation>赋权方法</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>Weights (JSON)</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>Weights from {weights}; rules (vetoes, types, categories, tiers) from {rules}</source>
            <translation>权重取自 {weights}；规则（否决项、低效类型、认定类别、分级）取自 {rules}</translation>
        </message>
        <message>
            <source>What flags a parcel in one round: inefficient = 1 (default), its tier at or below B, C or D (T, unrated, never counts), or an inefficiency type among its ineff_flags — efficiency (low output per 亩: 'low output three years in a row') or equity (low tax per 亩).</source>
            <translation>在一期中标记宗地的条件：inefficient = 1（默认），分级为 B、C 或 D 及以下（T 即不参评者从不计入），或 ineff_flags 中含某低效类型——效率缺位（亩均产出低：“连续三年产出低”）或公平缺位（亩均税收低）。</translation>
        </message>
        <message>
            <source>What to colour by, in this order: tier, category, ineff_type, level, score.</source>
            <translation>着色依据，顺序为：tier、category、ineff_type、level、score。</translation>
        </message>
        <message>
            <source>When checked, a matrix with CR &gt; 0.10 is an error and nothing is written; otherwise it is a warning naming the judgement to revise and the weights are still returned.</source>
            <translation>勾选时，CR &gt; 0.10 的矩阵报错且不写出任何结果；否则给出警告，指明应修改的判断，权重照常返回。</translation>
        </message>
        <message>
            <source>Where the rounds are kept: a PostGIS table (postgis:dbname='city' host=… authcfg=… table="land"."landeval_rounds") or a GeoPackage (history.gpkg, or history.gpkg|layername=name; default table landeval_rounds). Created when missing.</source>
            <translation>轮次保存的位置：PostGIS 表（postgis:dbname='city' host=… authcfg=… table="land"."landeval_rounds"）或 GeoPackage（history.gpkg，或 history.gpkg|layername=名称；默认表名 landeval_rounds）。不存在时自动创建。</translation>
        </message>
        <message>
            <source>Where to write the HTML report.</source>
            <translation>HTML 报告的写出位置。</translation>
        </message>
        <message>
            <source>Write &lt;parcel id&gt;.pdf files into a folder named like OUTPUT without .pdf instead of one PDF.</source>
            <translation>不写单个 PDF，而是将 &lt;宗地编号&gt;.pdf 文件写入以 OUTPUT 去掉 .pdf 命名的文件夹。</translation>
        </message>
        <message>
            <source>Write contract_fulfilled for the veto</source>
            <translation>写入履约否决字段</translation>
        </message>
        <message>
            <source>Writes a self-contained HTML report of an evaluated parcel layer (no internet needed to open it): the run settings (weight set, its sha256 digest, threshold, tier method, date, QGIS and LandEval versions), counts and areas by tier, final category, inefficiency type and scale level, a tier map rendered by QGIS with its legend, a score histogram with the threshold, tier shares by level, the weakest indicators of inefficient parcels, the list of inefficient parcels with their reasons, and a data-quality section (parcels without enterprises, missing indicator values). Decision support: when the layer carries the fields of landeval:suggestpaths (path, path_reason, clearance_zone), counts and areas per path and per clearance zone and the list of parcels with their path and reason; the optional SCENARIOS, TWO_EVALUATIONS and ROUNDS inputs add the renewal-scenario comparison, the quadrant and ABCD-list counts and the change since an earlier round (counts, tier and category transition matrices, parcels that worsened); ZONES and ZONE_LEVELS (aggregatezones' OUTPUT and OUTPUT_LEVELS) add the Table 2 evaluation of the zones, the district and its levels. When the layer carries the fields of potentialclasses, persistence or checkcontracts, counts and areas per potential class, the persistently inefficient parcels and the contract breaches with their gaps are reported too. A layer from landeval:robustness adds the robustness section (counts per robust class, distribution of p, contested parcels, threshold sweep; with PRESET or WEIGHT_SET also the one-at-a-time chart with a spread of 0.2). LANGUAGE: the report in QGIS's language (default), Chinese, English or both.</source>
            <translation>为评价结果宗地图层写出独立的 HTML 报告（打开时无需联网）：运行设置（权重方案及其 sha256 摘要、阈值、分级方法、日期、QGIS 与 LandEval 版本），按分级、最终认定类别、低效类型与空间层级统计的宗数与面积，由 QGIS 渲染的带图例的分级图，标出阈值的得分直方图，各层级的分级占比，低效宗地的最弱指标，低效宗地及其原因清单，以及数据质量一节（无企业的宗地、缺失的指标值）。决策支持：图层含 landeval:suggestpaths 的字段（path、path_reason、clearance_zone）时，统计各再开发路径与各清退分区的宗数与面积，并列出宗地及其路径与原因；可选的 SCENARIOS、TWO_EVALUATIONS 与 ROUNDS 输入分别增加更新情景比较、象限与 ABCD 清单统计，以及与上一轮相比的变化（计数、分级与类别转移矩阵、变差宗地）；ZONES 与 ZONE_LEVELS（aggregatezones 的 OUTPUT 与 OUTPUT_LEVELS）增加分区、全域及各层级的表 2 评价。图层含 potentialclasses、persistence 或 checkcontracts 的字段时，还报告各潜力类型的宗数与面积、连续低效宗地及违约情况与差距。来自 landeval:robustness 的图层增加稳健性一节（各稳健性类别的计数、p 的分布、存疑宗地、阈值扫描；给出 PRESET 或 WEIGHT_SET 时还有扰动幅度 0.2 的单因素图）。LANGUAGE：报告语言为 QGIS 界面语言（默认）、中文、英文或中英双语。</translation>
        </message>
        <message>
            <source>Writes the list of the chosen parcels (default: the inefficient ones) that goes to the city and the province: one sheet per final category (正在推进, 生态清退, 地方上报, 低效认定, …) with the columns a reviewer needs — parcel id, street, park, scale level, area in the layer's unit and in m², enterprises, the key per-亩 indicators, score and rank, failed vetoes, type and flags, category, tier, weakest indicators, and the redevelopment path, clearance zone, robustness class and verification flag when the layer has them — Chinese headers with units, a frozen header row, fitted widths, number formats and a totals row; and a summary sheet (汇总) with the run's settings and counts and areas by category, type, tier, street and level, with totals (counted as the HTML report counts them). An OUTPUT ending in .csv writes every row to one CSV in GB18030 instead, for systems that import only CSV.</source>
            <translation>写出报送市、省的所选宗地清单（默认：低效宗地）：每个最终认定类别一个工作表（正在推进、生态清退、地方上报、低效认定、…），列出审核所需各列——宗地编号、街道、园区、空间层级、面积（图层单位与 m²）、企业、主要亩均指标、得分与排名、不通过的否决项、低效类型与标记、认定类别、分级、最弱指标，以及图层中有时的再开发路径、清退分区、稳健性类别与待核实标记——中文表头带单位，冻结表头行，自适应列宽，数字格式与合计行；另有汇总工作表（汇总），列出本次运行的设置，以及按认定类别、低效类型、分级、街道和层级统计的宗数与面积及合计（与 HTML 报告的统计口径相同）。OUTPUT 以 .csv 结尾时，所有行改写入一个 GB18030 编码的 CSV，供只能导入 CSV 的系统使用。</translation>
        </message>
        <message>
            <source>Writing the report {path}…</source>
            <translation>正在写出报告 {path}…</translation>
        </message>
        <message>
            <source>Zone evaluation</source>
            <translation>分区评价</translation>
        </message>
        <message>
            <source>Zone field</source>
            <translation>分区字段</translation>
        </message>
        <message>
            <source>Zone level field</source>
            <translation>园区级别字段</translation>
        </message>
        <message>
            <source>Zone polygons (parks, towns, districts; any CRS). Takes precedence over ZONE_FIELD.</source>
            <translation>分区面（园区、街镇、区县；任意坐标系）。优先于 ZONE_FIELD。</translation>
        </message>
        <message>
            <source>Zone summary</source>
            <translation>分区汇总</translation>
        </message>
        <message>
            <source>Zone type field</source>
            <translation>园区类型字段</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>分区</translation>
        </message>
        <message>
            <source>a score field (scoreparcels' output)</source>
            <translation>得分字段（scoreparcels 的输出）</translation>
        </message>
        <message>
            <source>a_ij (row by row)</source>
            <translation>按行填写</translation>
        </message>
        <message>
            <source>also every computed indicator</source>
            <translation>另加全部已计算指标</translation>
        </message>
        <message>
            <source>benchmark</source>
            <translation>基准值</translation>
        </message>
        <message>
            <source>benefit</source>
            <translation>正向</translation>
        </message>
        <message>
            <source>categorical</source>
            <translation>分类</translation>
        </message>
        <message>
            <source>column mean</source>
            <translation>列和归一法</translation>
        </message>
        <message>
            <source>consistent</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>cost</source>
            <translation>负向</translation>
        </message>
        <message>
            <source>efficiency-deficient: low output per mu</source>
            <translation>效率缺位（亩均产值低）</translation>
        </message>
        <message>
            <source>eigenvector</source>
            <translation>特征向量法</translation>
        </message>
        <message>
            <source>entropy</source>
            <translation>熵权法</translation>
        </message>
        <message>
            <source>entropy (default) or CRITIC.</source>
            <translation>熵权法（默认）或 CRITIC 法。</translation>
        </message>
        <message>
            <source>entropy over the zones</source>
            <translation>熵权法</translation>
        </message>
        <message>
            <source>equity-deficient: low tax per mu</source>
            <translation>公平缺位（亩均税收低）</translation>
        </message>
        <message>
            <source>everything (every raw input)</source>
            <translation>全部（含全部原始输入）</translation>
        </message>
        <message>
            <source>from {marks} importance marks; editing turns this level into weights</source>
            <translation>由 {marks} 个重要性“+”号得出；编辑后本层级改用权重</translation>
        </message>
        <message>
            <source>geometric mean</source>
            <translation>几何平均法</translation>
        </message>
        <message>
            <source>ha</source>
            <translation>公顷</translation>
        </message>
        <message>
            <source>inconsistent — revise the highlighted comparison</source>
            <translation>未通过 — 请修改高亮的比较</translation>
        </message>
        <message>
            <source>indicator fields (computeindicators' or checkvetoes' output)</source>
            <translation>指标字段（computeindicators 或 checkvetoes 的输出）</translation>
        </message>
        <message>
            <source>ineff_type (green/efficiency/quality/equity/safety or empty), ineff_flags (every matching type, ';'-joined), inefficient (1/0), review (1 = score in the review band just above the threshold), category (in_progress/eco_exit/reported/identified/retained), tier (A/B/C/D/T). Value maps show the Chinese labels.</source>
            <translation>ineff_type（green/efficiency/quality/equity/safety 或空）、ineff_flags（全部匹配的类型，以 ';' 连接）、inefficient（1/0）、review（1 = 得分处于阈值之上的复核区间）、category（in_progress/eco_exit/reported/identified/retained）、tier（A/B/C/D/T）。值映射显示中文名称。</translation>
        </message>
        <message>
            <source>inefficient = 1</source>
            <translation>低效</translation>
        </message>
        <message>
            <source>inefficient_land_list</source>
            <translation>低效用地清单</translation>
        </message>
        <message>
            <source>jenks (natural breaks)</source>
            <translation>自然断点</translation>
        </message>
        <message>
            <source>km²</source>
            <translation>平方千米</translation>
        </message>
        <message>
            <source>layer '{name}'</source>
            <translation>图层“{name}”</translation>
        </message>
        <message>
            <source>minmax</source>
            <translation>极差标准化</translation>
        </message>
        <message>
            <source>mu</source>
            <translation>亩</translation>
        </message>
        <message>
            <source>new: {tiers}</source>
            <translation>调整后：{tiers}</translation>
        </message>
        <message>
            <source>no quadrant {count}</source>
            <translation>无象限 {count}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>now: {tiers}</source>
            <translation>现在：{tiers}</translation>
        </message>
        <message>
            <source>objective</source>
            <translation>客观</translation>
        </message>
        <message>
            <source>p ≥ CONFIDENCE: robustly inefficient; p ≤ 1 − CONFIDENCE: robustly retained; between: contested.</source>
            <translation>p ≥ CONFIDENCE：稳健低效；p ≤ 1 − CONFIDENCE：稳健保留；介于两者之间：存疑。</translation>
        </message>
        <message>
            <source>parcel_dossiers</source>
            <translation>宗地档案</translation>
        </message>
        <message>
            <source>percentile</source>
            <translation>百分位</translation>
        </message>
        <message>
            <source>poi_count: taken from the layer's own field (no POIS layer given).</source>
            <translation>poi_count：取自图层自带的字段（未给出 POIS 图层）。</translation>
        </message>
        <message>
            <source>preset {name}</source>
            <translation>内置方案 {name}</translation>
        </message>
        <message>
            <source>quantile (rank shares)</source>
            <translation>分位</translation>
        </message>
        <message>
            <source>redevelopment paths</source>
            <translation>再开发路径图层</translation>
        </message>
        <message>
            <source>results and the weight set's indicators</source>
            <translation>结果及权重方案的指标</translation>
        </message>
        <message>
            <source>round comparison</source>
            <translation>轮次对比结果</translation>
        </message>
        <message>
            <source>scenario comparison</source>
            <translation>情景比较表</translation>
        </message>
        <message>
            <source>score (0–1, higher is better), score_rank (1 = best; ties share the best rank), s_&lt;element&gt; (element sub-scores 0–1), missing_count (indicators missing for the parcel), weakest (up to 3 indicator ids with the largest weighted shortfall, ';'-joined).</source>
            <translation>score（0–1，越高越好）、score_rank（1 = 最好；并列者取最好名次）、s_&lt;element&gt;（要素层分项得分 0–1）、missing_count（该宗地缺失的指标数）、weakest（加权差距最大的至多 3 个指标标识，以 ';' 连接）。</translation>
        </message>
        <message>
            <source>see the Processing log (View ▸ Panels ▸ Log Messages) for the reason</source>
            <translation>原因请查看 Processing 日志（视图 ▸ 面板 ▸ 日志消息）</translation>
        </message>
        <message>
            <source>select the level and “Normalize”.</source>
            <translation>权重之和不为 1，请选择该层级并“归一化”。</translation>
        </message>
        <message>
            <source>subjective</source>
            <translation>主观</translation>
        </message>
        <message>
            <source>the veto fields (e.g. computeindicators' output)</source>
            <translation>否决项字段（如 computeindicators 的输出）</translation>
        </message>
        <message>
            <source>threshold (score cuts)</source>
            <translation>阈值</translation>
        </message>
        <message>
            <source>tier B or worse</source>
            <translation>B类及以下</translation>
        </message>
        <message>
            <source>tier C or worse</source>
            <translation>C类及以下</translation>
        </message>
        <message>
            <source>tier D</source>
            <translation>D类</translation>
        </message>
        <message>
            <source>uniform ± SPREAD</source>
            <translation>均匀扰动</translation>
        </message>
        <message>
            <source>unit: {unit}</source>
            <translation>单位：{unit}</translation>
        </message>
        <message>
            <source>unsaved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>veto_failed (1 = at least one veto failed, 0 = none), veto_reasons (the ids of the failed vetoes, ';'-joined, in rule-set order; shown with their Chinese labels in the report), veto_unknown (the ids of the vetoes without data) and needs_verification (1 = some veto could not be checked, under the verify policy).</source>
            <translation>veto_failed（1 = 至少一项否决项不通过，0 = 全部通过）、veto_reasons（不通过的否决项标识，以 ';' 连接，按规则方案顺序；报告中显示其中文名称）、veto_unknown（缺少数据的否决项标识）及 needs_verification（1 = 在 verify 策略下有否决项无法核查）。</translation>
        </message>
        <message>
            <source>weight set in the dock</source>
            <translation>停靠窗口中的权重方案</translation>
        </message>
        <message>
            <source>weight set stored in the project</source>
            <translation>项目中保存的权重方案</translation>
        </message>
        <message>
            <source>weights of the weight set ("+" marks, AHP)</source>
            <translation>权重方案（“+”标记、层次分析法）</translation>
        </message>
        <message>
            <source>zscore</source>
            <translation>Z 分数</translation>
        </message>
        <message>
            <source>{abcd} {quadrant}: {parcels} parcels, {area} mu — {disposal}</source>
            <translation>{abcd} {quadrant}：{parcels} 宗，{area} 亩——{disposal}</translation>
        </message>
        <message>
            <source>{algorithm} failed: {reason}</source>
            <translation>{algorithm} 运行失败：{reason}</translation>
        </message>
        <message>
            <source>{algorithm} finished but its output {names} could not be loaded; see the Log Messages panel (Processing).</source>
            <translation>{algorithm} 已完成，但其输出 {names} 无法加载；请查看日志消息面板（Processing）。</translation>
        </message>
        <message>
            <source>{count} complete parcel(s) used.</source>
            <translation>使用了 {count} 宗数据完整的宗地。</translation>
        </message>
        <message>
            <source>{count} dossier page(s) → {link}</source>
            <translation>{count} 页档案 → {link}</translation>
        </message>
        <message>
            <source>{count} feature(s) written to the PostGIS table {schema}.{table}</source>
            <translation>已向 PostGIS 表 {schema}.{table} 写入 {count} 个要素</translation>
        </message>
        <message>
            <source>{draws} draws ({method}, spread {spread}, seed {seed}) with {name}: {counts}</source>
            <translation>以 {name} 抽样 {draws} 次（{method}，扰动幅度 {spread}，种子 {seed}）：{counts}</translation>
        </message>
        <message>
            <source>{failed} of {total} parcel(s) fail at least one veto ({name}).</source>
            <translation>{total} 宗地中有 {failed} 宗至少一项否决项不通过（{name}）。</translation>
        </message>
        <message>
            <source>{file}: read as {encoding} text.</source>
            <translation>{file}：按 {encoding} 编码的文本读取。</translation>
        </message>
        <message>
            <source>{flagged} of {total} parcel(s) of {round} are flagged in each of the last {n} round(s).</source>
            <translation>{round} 的 {total} 宗地中，有 {flagged} 宗在最近 {n} 期中每期均被标记。</translation>
        </message>
        <message>
            <source>{indicator}: {count} missing ({reason})</source>
            <translation>{indicator}：缺失 {count} 个（{reason}）</translation>
        </message>
        <message>
            <source>{inefficient} of {total} parcel(s) inefficient; tiers: {tiers}</source>
            <translation>{total} 宗地中低效 {inefficient} 宗；分级：{tiers}</translation>
        </message>
        <message>
            <source>{layer} — robustness</source>
            <translation>{layer} — 稳健性</translation>
        </message>
        <message>
            <source>{level} sum to {total}, not 1: use “Normalize level” or fix a weight.</source>
            <translation>{level}权重之和为 {total}，不为 1：请“归一化”或修改权重。</translation>
        </message>
        <message>
            <source>{name}: {moved} moved{unplaced}, {freed:,.1f} {unit} freed, {cost:,.0f} (10k CNY)</source>
            <translation>{name}: 迁移 {moved} 宗{unplaced}, 释放 {freed:,.1f} {unit}, {cost:,.0f} 万元</translation>
        </message>
        <message>
            <source>{pages} dossier page(s) to print.</source>
            <translation>待打印宗地档案 {pages} 页。</translation>
        </message>
        <message>
            <source>{pages} page(s) written to {output} in {seconds} s ({rate} pages/s).</source>
            <translation>已将 {pages} 页写入 {output}，用时 {seconds} 秒（每秒 {rate} 页）。</translation>
        </message>
        <message>
            <source>{parameter}: {file} has no .cpg file and its text is not UTF-8, so it was read as GB18030 (GBK), which gives Chinese field names such as {fields}. To make this permanent, put a text file {cpg} beside it containing GB18030.</source>
            <translation>{parameter}：{file} 没有 .cpg 文件且其文本不是 UTF-8，因此按 GB18030（GBK）读取，得到 {fields} 等中文字段名。如需固定下来，请在其旁边放一个内容为 GB18030 的文本文件 {cpg}。</translation>
        </message>
        <message>
            <source>{parcels} parcel(s) (by feature id) lie in no zone; they count only in the all-zone values.</source>
            <translation>{parcels} 宗地（按要素编号）不在任何分区内；它们只计入全部分区的合计值。</translation>
        </message>
        <message>
            <source>{parcels} parcel(s), {area} {unit} listed in {output}.</source>
            <translation>已将 {parcels} 宗地、{area} {unit} 列入 {output}。</translation>
        </message>
        <message>
            <source>{potential_class}: {parcels} parcel(s), {area} mu</source>
            <translation>{potential_class}：{parcels} 宗，{area} 亩</translation>
        </message>
        <message>
            <source>{scenario}: {moved} moved ({unplaced} unplaced), cost {cost} 10⁴ yuan, freed {freed} {unit}, output {output} 10⁴ yuan/{unit}</source>
            <translation>{scenario}：迁移 {moved} 宗（未安置 {unplaced} 宗），成本 {cost} 万元，释放指标 {freed} {unit}，地均产值 {output} 万元/{unit}</translation>
        </message>
        <message>
            <source>{scored} of {total} parcel(s) scored with {name} ({normalization}, {aggregation}, missing: {missing}).</source>
            <translation>已用 {name} 为 {total} 宗地中的 {scored} 宗计算得分（{normalization}，{aggregation}，缺失值：{missing}）。</translation>
        </message>
        <message>
            <source>{source} has no threshold or tiers: those of preset {preset} are used.</source>
            <translation>{source} 中没有阈值或分级：使用预设方案 {preset} 的设置。</translation>
        </message>
        <message>
            <source>{text}, as {file} has none.</source>
            <translation>{text}，因为 {file} 中没有规则。</translation>
        </message>
        <message>
            <source>{text}.</source>
            <translation>{text}。</translation>
        </message>
        <message>
            <source>{text}: {file} also holds rules, which are not used. Give the file as RULE_SET too to use them.</source>
            <translation>{text}：{file} 也含有规则，但未被使用。如需使用，请同时将该文件作为 RULE_SET 给出。</translation>
        </message>
        <message>
            <source>{total} parcel(s) evaluated with {name}: {inefficient} inefficient; tiers {tiers}</source>
            <translation>已用 {name} 评价 {total} 宗地：低效 {inefficient} 宗；分级 {tiers}</translation>
        </message>
        <message>
            <source>{weights} for {level}</source>
            <translation>{level}的{weights}</translation>
        </message>
        <message>
            <source>{weights} written to {level} (undo: Ctrl+Z)</source>
            <translation>{weights}已写入{level}（撤销：Ctrl+Z）</translation>
        </message>
        <message>
            <source>Σ level</source>
            <translation>层级和</translation>
        </message>
        <message>
            <source>α = {alpha}: w = α·subjective + (1 − α)·objective</source>
            <translation>α = {alpha}：w = α·主观 + (1 − α)·客观</translation>
        </message>
        <message>
            <source>λmax</source>
            <translation>最大特征根</translation>
        </message>
        <message>
            <source>λmax = {lambda_max}, CI = {ci}, CR = {cr}</source>
            <translation>最大特征根 λmax = {lambda_max}，一致性指标 CI = {ci}，一致性比率 CR = {cr}</translation>
        </message>
        <message>
            <source>… and {count} more</source>
            <translation>… 另有 {count} 条</translation>
        </message>
        <message>
            <source>一宗一档 (图斑档案) of the inefficient-land identification practice (SPEC); fonts: WenQuanYi Micro Hei, embedded in the PDF.</source>
            <translation>低效用地认定实践中的一宗一档 / 图斑档案（SPEC）；字体：文泉驿微米黑，嵌入 PDF。</translation>
        </message>
        <message>
            <source>清单 of the inefficient-land identification practice (SPEC); written with openpyxl.</source>
            <translation>低效用地认定实践中的清单（SPEC）；用 openpyxl 写出。</translation>
        </message>
    </context>
    <context>
        <name>LandEvalError</name>
        <message>
            <source>(top level): the file is empty</source>
            <translation>（顶层）：文件为空</translation>
        </message>
        <message>
            <source>(top level): the file must be a mapping of keys</source>
            <translation>（顶层）：文件必须是键的映射</translation>
        </message>
        <message>
            <source>(top level): the file must be a mapping of keys (name:, elements:, …)</source>
            <translation>（顶层）：文件必须是键的映射（name:、elements:、…）</translation>
        </message>
        <message>
            <source>(unknown position)</source>
            <translation>（位置未知）</translation>
        </message>
        <message>
            <source>A group restriction needs groups on both the parcels and the destinations.</source>
            <translation>分组限制要求宗地和迁入地都有分组。</translation>
        </message>
        <message>
            <source>A layer given with the parcels has no coordinate reference system; set it.</source>
            <translation>与宗地一同给出的某个图层没有坐标参考系，请为其设置坐标参考系。</translation>
        </message>
        <message>
            <source>AHP draws: {used} of {levels} levels record a matrix ({names}); the other levels keep their weights.</source>
            <translation>层次分析法抽样：{levels} 个层级中有 {used} 个记录了判断矩阵（{names}）；其余层级保持原权重。</translation>
        </message>
        <message>
            <source>AHP matrix is not a valid pairwise comparison matrix:
{problems}</source>
            <translation>层次分析法判断矩阵不是有效的两两比较矩阵：
{problems}</translation>
        </message>
        <message>
            <source>AHP matrix must be square with at least one criterion; got shape {shape}.</source>
            <translation>层次分析法判断矩阵必须是方阵且至少有一个准则；当前形状为 {shape}。</translation>
        </message>
        <message>
            <source>AHP matrix: every cell must be a number (e.g. 3 or 1/3 typed as 0.3333).</source>
            <translation>层次分析法判断矩阵：每个单元格都必须是数值（如 3，或把 1/3 写成 0.3333）。</translation>
        </message>
        <message>
            <source>AHP method {method!r} is not one of {ahp_methods}.</source>
            <translation>层次分析法的方法 {method!r} 不在 {ahp_methods} 之中。</translation>
        </message>
        <message>
            <source>AHP: {count} criterion names for a {n}×{n} matrix.</source>
            <translation>层次分析法：{n}×{n} 矩阵却有 {count} 个准则名称。</translation>
        </message>
        <message>
            <source>AHP: {n} criteria; the random index table covers at most {most}. Split the criteria into groups.</source>
            <translation>层次分析法：{n} 个准则；随机一致性指标表最多覆盖 {most} 个。请将准则分组。</translation>
        </message>
        <message>
            <source>An overlay layer (red line, boundary, POIs, parks or enterprise points) has no coordinate reference system; set it so it can be matched with the parcels.</source>
            <translation>某个叠加图层（红线、边界、兴趣点、园区或企业点）没有坐标参考系；请为其设置，以便与宗地匹配。</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>面积</translation>
        </message>
        <message>
            <source>Benchmark cap {cap!r} must be a positive number.</source>
            <translation>基准值上限 {cap!r} 必须是正数。</translation>
        </message>
        <message>
            <source>Benchmark normalization needs a benchmark (a number or {stat: mean}).</source>
            <translation>基准值标准化需要基准值（数值或 {stat: mean}）。</translation>
        </message>
        <message>
            <source>Benchmark {benchmark} must be positive.</source>
            <translation>基准值 {benchmark} 必须为正数。</translation>
        </message>
        <message>
            <source>CONFIDENCE {confidence:g} must be between 0.5 and 1 (0.9: inefficient in at least 90 % of the draws is robustly inefficient).</source>
            <translation>CONFIDENCE {confidence:g} 必须在 0.5 到 1 之间（0.9：在至少 90 % 的抽样中为低效，即稳健低效）。</translation>
        </message>
        <message>
            <source>COST_FIELDS {stray} are not among FIELDS; a cost field must also be one of the fields weighted.</source>
            <translation>COST_FIELDS 中的 {stray} 不在 FIELDS 中；成本型字段也必须是参与赋权的字段之一。</translation>
        </message>
        <message>
            <source>CR = {cr} &gt; 0.10: the judgements are not consistent enough. The comparison furthest from the weights is {row} vs {col}: given {given}, consistent value {consistent}. Revise it and run again. (STRICT is set, so no weights were produced.)</source>
            <translation>CR = {cr} &gt; 0.10：判断的一致性不够。与权重偏离最大的比较是 {row} 对 {col}：给定值 {given}，一致值 {consistent}。请修改后重新运行。（已勾选 STRICT，因此未生成权重。）</translation>
        </message>
        <message>
            <source>CRITERIA is empty: name the criteria in matrix order, separated by ';'.</source>
            <translation>CRITERIA 为空：请按判断矩阵的顺序填写准则名称，以“;”分隔。</translation>
        </message>
        <message>
            <source>CRITERIA names a criterion twice: {criteria}.</source>
            <translation>CRITERIA 中有重复的准则：{criteria}。</translation>
        </message>
        <message>
            <source>CRITIC weights: every indicator is constant over the parcels; use subjective weights.</source>
            <translation>CRITIC 权重：所有指标在各宗地上都是常数；请使用主观权重。</translation>
        </message>
        <message>
            <source>CRITIC weights: the indicators are perfectly correlated; use subjective weights.</source>
            <translation>CRITIC 权重：各指标完全相关；请使用主观权重。</translation>
        </message>
        <message>
            <source>Cannot connect to the PostGIS database {where} as {user}: {reason}. Check the user name and password of the connection (or its authentication configuration) and that the server runs; nothing was written.</source>
            <translation>无法以 {user} 身份连接 PostGIS 数据库 {where}：{reason}。请检查连接的用户名和密码（或其认证配置）以及服务器是否在运行；未写入任何内容。</translation>
        </message>
        <message>
            <source>Cannot draw the map: the layer is not valid.</source>
            <translation>无法绘制地图：图层无效。</translation>
        </message>
        <message>
            <source>Cannot load the style {qml}: {message}</source>
            <translation>无法加载样式 {qml}：{message}</translation>
        </message>
        <message>
            <source>Cannot load the {kind} style for the dossier map: {message}</source>
            <translation>无法为档案地图加载 {kind} 样式：{message}</translation>
        </message>
        <message>
            <source>Cannot load the {kind} style {path}: {message}</source>
            <translation>无法加载 {kind} 样式 {path}：{message}</translation>
        </message>
        <message>
            <source>Cannot load the {kind} style: {message}</source>
            <translation>无法加载 {kind} 样式：{message}</translation>
        </message>
        <message>
            <source>Cannot open layer {layer!r} again for the dossier map ({source}).</source>
            <translation>无法为档案地图重新打开图层 {layer!r}（{source}）。</translation>
        </message>
        <message>
            <source>Cannot open or create the GeoPackage {path} for HISTORY: choose a .gpkg file you may write.</source>
            <translation>无法打开或创建用于 HISTORY 的 GeoPackage {path}：请选择一个有写入权限的 .gpkg 文件。</translation>
        </message>
        <message>
            <source>Cannot open the dossier's working table {path}.</source>
            <translation>无法打开档案的工作表 {path}。</translation>
        </message>
        <message>
            <source>Cannot read configuration {path}: {err}. Save it as UTF-8 text.</source>
            <translation>无法读取配置 {path}：{err}。请将其保存为 UTF-8 文本。</translation>
        </message>
        <message>
            <source>Cannot read rule file {path}: {err}. Save it as UTF-8 text.</source>
            <translation>无法读取规则文件 {path}：{err}。请将其保存为 UTF-8 文本。</translation>
        </message>
        <message>
            <source>Cannot read the dossier template {path}: {reason}. Give a .qpt saved from the layout designer, or leave TEMPLATE empty for the shipped one.</source>
            <translation>无法读取档案模板 {path}：{reason}。请提供从布局设计器保存的 .qpt 文件，或将 TEMPLATE 留空以使用自带模板。</translation>
        </message>
        <message>
            <source>Cannot read the indicator catalogue {source}: {err}</source>
            <translation>无法读取指标目录 {source}：{err}</translation>
        </message>
        <message>
            <source>Cannot reopen {dest_path} to write the results; check the output folder.</source>
            <translation>无法重新打开 {dest_path} 写入结果；请检查输出文件夹。</translation>
        </message>
        <message>
            <source>Cannot save the style into {path}: {error}</source>
            <translation>无法将样式保存到 {path}：{error}</translation>
        </message>
        <message>
            <source>Cannot write the dossier's working table {path}: {message}</source>
            <translation>无法写入档案的工作表 {path}：{message}</translation>
        </message>
        <message>
            <source>Cannot write the report {filename}: {reason}. Choose a folder you can write to.</source>
            <translation>无法写入报告 {filename}：{reason}。请选择有写入权限的文件夹。</translation>
        </message>
        <message>
            <source>Cannot write {output}: {reason}. Choose a folder you can write to.</source>
            <translation>无法写入 {output}：{reason}。请选择有写入权限的文件夹。</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}. Choose a folder you can write to and that has free disk space, and run again.</source>
            <translation>无法写入 {path}：{reason}。请选择有写入权限且磁盘空间充足的文件夹，然后重新运行。</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}. Choose a folder you can write to and that has free disk space, and run again; an existing file there was left as it was.</source>
            <translation>无法写入 {path}：{reason}。请选择有写入权限且磁盘空间充足的文件夹，然后重新运行；该处原有的文件保持不变。</translation>
        </message>
        <message>
            <source>Cannot write {path}: {reason}. Close the file if it is open in another program and run again.</source>
            <translation>无法写入 {path}：{reason}。如该文件已在其他程序中打开，请先关闭，然后重新运行。</translation>
        </message>
        <message>
            <source>Choose a PRESET or give a WEIGHT_SET / RULE_SET file.</source>
            <translation>请选择一个预设（PRESET），或给出 WEIGHT_SET / RULE_SET 文件。</translation>
        </message>
        <message>
            <source>Choose another file for {dest}</source>
            <translation>请为 {dest} 另选一个文件</translation>
        </message>
        <message>
            <source>Choose another file for {dest}, or write a new table into this GeoPackage, which keeps its other layers: {dest}=ogr:dbname='{path}' table="evaluated" (geom)</source>
            <translation>请为 {dest} 另选一个文件，或在此 GeoPackage 中写入一个新表（其他图层将保留）：{dest}=ogr:dbname='{path}' table="evaluated" (geom)</translation>
        </message>
        <message>
            <source>Choose the earlier round's evaluated layer to compare with '{layer}'.</source>
            <translation>请选择上一轮评价的图层，与“{layer}”对比。</translation>
        </message>
        <message>
            <source>Choose the evaluated layer (with indicator columns) under “Apply” first; apply the set once to get one.</source>
            <translation>请先选择已评价图层：在“应用到宗地图层”中选择含指标列的已评价图层，或先评价一次得到它。</translation>
        </message>
        <message>
            <source>Choose the file to write ({parameter}).</source>
            <translation>请选择输出文件（{parameter}）。</translation>
        </message>
        <message>
            <source>Choose the land-use class field of the land-use layer, or clear the layer.</source>
            <translation>请选择土地利用图层的地类字段，或清空该图层。</translation>
        </message>
        <message>
            <source>Choose the parcel id field of both rounds.</source>
            <translation>请选择两轮评价的宗地编号字段。</translation>
        </message>
        <message>
            <source>Column {column!r}: {source} gives its unit as {stated!r}, but {fid} ({label}) {what}, and {stated} cannot be converted to that — it measures something else. Correct the unit in {source}, or map the column to the field it really holds (FIELD_MAP).</source>
            <translation>列 {column!r}：{source} 给出的单位是 {stated!r}，但 {fid}（{label}）{what}，而 {stated} 无法换算过去——它度量的是别的量。请在 {source} 中更正单位，或将该列映射到它真正对应的字段（FIELD_MAP）。</translation>
        </message>
        <message>
            <source>Configuration file {path} does not exist. Presets: {presets}.</source>
            <translation>配置文件 {path} 不存在。现有预设：{presets}。</translation>
        </message>
        <message>
            <source>Configuration {name!r} has no elements (indicator weights): give a weight set.</source>
            <translation>配置 {name!r} 没有要素（指标权重）：请给出权重方案。</translation>
        </message>
        <message>
            <source>Configuration {name!r} has no elements (it is a rule set only); give a weight set to score parcels.</source>
            <translation>配置 {name!r} 没有要素（它只是规则方案）；请给出权重方案以对宗地评分。</translation>
        </message>
        <message>
            <source>Configuration {name!r} has no tiers section: give the tier method and breaks.</source>
            <translation>配置 {name!r} 没有 tiers 部分：请给出分级方法和分级界限。</translation>
        </message>
        <message>
            <source>Configuration {name!r} has no tiers section; no tiers were graded.</source>
            <translation>配置 {name!r} 没有 tiers 分级设置，未划分分级。</translation>
        </message>
        <message>
            <source>Configuration {name!r} identifies inefficient parcels by screening, not by score: the threshold {threshold:g} is not used.</source>
            <translation>配置 {name!r} 按类型筛查而非得分认定低效宗地：阈值 {threshold:g} 不起作用。</translation>
        </message>
        <message>
            <source>Configuration {name!r} identifies inefficient parcels by {how}, not by a score below a threshold, so no weight or threshold changes any parcel's label and there is nothing to test. Use a weight set whose identification is by score (e.g. PRESET jiangning), or give WEIGHT_SET.</source>
            <translation>配置 {name!r} 按 {how} 认定低效宗地，而不是按得分低于阈值，因此任何权重或阈值的变化都不会改变宗地的认定，无可检验。请使用按得分认定的权重方案（如 PRESET jiangning），或给出 WEIGHT_SET。</translation>
        </message>
        <message>
            <source>Configuration {name!r} sets no threshold, so no status can change.</source>
            <translation>配置 {name!r} 未设阈值，因此认定结果不会改变。</translation>
        </message>
        <message>
            <source>Configuration {name!r} sets no threshold: choose a PRESET with one (jiangning: 0.6) or give THRESHOLD_RANGE.</source>
            <translation>配置 {name!r} 未设阈值：请选择设有阈值的预设（jiangning：0.6），或给出 THRESHOLD_RANGE。</translation>
        </message>
        <message>
            <source>Configuration {name!r} sets no threshold: put `threshold:` in the rule set or give the THRESHOLD parameter (or identification: screening).</source>
            <translation>配置 {name!r} 未设阈值：请在规则方案中写入 `threshold:`，或给出 THRESHOLD 参数（或设 identification: screening）。</translation>
        </message>
        <message>
            <source>DRAWS {draws} must be at least 1.</source>
            <translation>DRAWS {draws} 必须至少为 1。</translation>
        </message>
        <message>
            <source>Each destination segment needs exactly one owner (internal: lengths differ).</source>
            <translation>每个迁入地段都必须恰好有一个归属（内部错误：长度不一致）。</translation>
        </message>
        <message>
            <source>Entropy weights need at least two zones with values of at least one Table 2 indicator; use the weight set's weights (WEIGHTING = weights).</source>
            <translation>熵权需要至少两个分区在至少一个表 2 指标上有值；请使用权重方案的权重（WEIGHTING = weights）。</translation>
        </message>
        <message>
            <source>Entropy weights: every indicator is constant over the parcels, so none carries information; use subjective weights.</source>
            <translation>熵权法：所有指标在各宗地上都是常数，不含任何信息；请使用主观权重。</translation>
        </message>
        <message>
            <source>FIELDS is empty: choose at least two indicator fields.</source>
            <translation>FIELDS 为空：请至少选择两个指标字段。</translation>
        </message>
        <message>
            <source>FILTER {expression!r} is not a valid expression: {error}</source>
            <translation>FILTER {expression!r} 不是有效的表达式：{error}</translation>
        </message>
        <message>
            <source>FILTER {expression!r} uses field(s) {missing} that layer {layer!r} does not have; run landeval:evaluate first or change the filter.</source>
            <translation>FILTER {expression!r} 使用了图层 {layer!r} 中没有的字段 {missing}；请先运行 landeval:evaluate，或修改筛选条件。</translation>
        </message>
        <message>
            <source>Field mapping names unknown field id {fid!r}; known ids are in catalogue.yaml.</source>
            <translation>字段映射中有未知的字段编号 {fid!r}；已知编号见 catalogue.yaml。</translation>
        </message>
        <message>
            <source>Field mapping {fid} → {column!r}: the table has no column {column!r} (columns: {columns}).</source>
            <translation>字段映射 {fid} → {column!r}：表中没有列 {column!r}（现有列：{columns}）。</translation>
        </message>
        <message>
            <source>Field {field!r}: {offenders} is not a yes/no answer. Use 是/否, 1/0, Y/N, yes/no, true/false, 有/无, 符合/不符合 or 通过/未通过 (empty = missing).</source>
            <translation>字段 {field!r}：{offenders} 不是“是/否”回答。请使用 是/否、1/0、Y/N、yes/no、true/false、有/无、符合/不符合 或 通过/未通过（空 = 缺失）。</translation>
        </message>
        <message>
            <source>Field {name!r} is not in the {what}. Its fields are: {have}. Choose an existing field or rename the column.</source>
            <translation>字段 {name!r} 不在 {what} 中。其字段为：{have}。请选择已有字段或重命名该列。</translation>
        </message>
        <message>
            <source>Field {name!r} is not in the {what}. Its fields are: {have}. Choose an existing field or rename the column. {diagnosis}</source>
            <translation>字段 {name!r} 不在 {what} 中。其字段为：{have}。请选择已有字段或重命名该列。{diagnosis}</translation>
        </message>
        <message>
            <source>For {count} parcel(s) the score recomputed with weight set {name!r} differs from the layer's score: the layer was evaluated with other settings (another weight set, a NORMALIZATION override or GROUP_FIELD). The indicator tables show the recomputation; give the PRESET or WEIGHT_SET the layer was evaluated with.</source>
            <translation>{count} 宗地按权重方案 {name!r} 重算的得分与图层中的得分不同：该图层是用其他设置评价的（另一权重方案、NORMALIZATION 覆盖或 GROUP_FIELD）。指标表显示的是重算结果；请给出评价该图层时所用的 PRESET 或 WEIGHT_SET。</translation>
        </message>
        <message>
            <source>Give ZONES (zone polygons) or ZONE_FIELD (a field of INPUT to group by).</source>
            <translation>请给出 ZONES（分区面图层）或 ZONE_FIELD（INPUT 中用于分组的字段）。</translation>
        </message>
        <message>
            <source>Give both town fields (of the parcels and of the parks) to keep moves within each town, or clear both to search the whole district.</source>
            <translation>请同时给出宗地街镇字段和园区街镇字段，使迁移限于各街镇之内；或两者都清空，在全区范围内寻找迁入地。</translation>
        </message>
        <message>
            <source>Group field {group!r} for normalization is not in the table.</source>
            <translation>表中没有用于标准化的分组字段 {group!r}。</translation>
        </message>
        <message>
            <source>Group labels and coordinates differ in length (internal).</source>
            <translation>分组标签与坐标的长度不一致（内部错误）。</translation>
        </message>
        <message>
            <source>HISTORY {value!r} is neither a PostGIS table (postgis:dbname=… table="schema"."name") nor a GeoPackage (.gpkg, optionally |layername=…).</source>
            <translation>HISTORY {value!r} 既不是 PostGIS 表（postgis:dbname=… table="schema"."name"），也不是 GeoPackage（.gpkg，可加 |layername=…）。</translation>
        </message>
        <message>
            <source>INPUT has no `level` field: run landeval:classifyscale (or evaluate with PARKS) first so every parcel is a base, community or block parcel.</source>
            <translation>INPUT 没有 `level` 字段：请先运行 landeval:classifyscale（或在评价时给出 PARKS），使每宗地都归入产业基地、产业社区或产业街坊。</translation>
        </message>
        <message>
            <source>INPUT has no parcel id field {id_field!r} (nor a 宗地编号 column): set ID_FIELD to the field that holds the parcel id.</source>
            <translation>INPUT 没有宗地编号字段 {id_field!r}（也没有“宗地编号”列）：请将 ID_FIELD 设为存放宗地编号的字段。</translation>
        </message>
        <message>
            <source>INPUT has none of score, tier and inefficient: register a landeval:evaluate output.</source>
            <translation>INPUT 中没有 score、tier、inefficient 中的任何字段：请登记 landeval:evaluate 的输出。</translation>
        </message>
        <message>
            <source>INPUT is not a vector layer LandEval can open.</source>
            <translation>INPUT 不是 LandEval 能打开的矢量图层。</translation>
        </message>
        <message>
            <source>Importance marks must be counts ≥ 0 ("+" signs or numbers).</source>
            <translation>重要性标记必须是 ≥ 0 的计数（“+”号或数字）。</translation>
        </message>
        <message>
            <source>Importance marks: every mark is 0; give at least one indicator a mark.</source>
            <translation>重要性标记：所有标记都是 0；请至少为一个指标标记。</translation>
        </message>
        <message>
            <source>Jenks tiers need the number of classes, 2–4 (got {breaks!r}).</source>
            <translation>Jenks 分级需要分级数，取 2–4（当前为 {breaks!r}）。</translation>
        </message>
        <message>
            <source>LANDUSE is given without LANDUSE_FIELD: choose the field with the land-use class.</source>
            <translation>给出了 LANDUSE 却没有 LANDUSE_FIELD：请选择记录用地类型的字段。</translation>
        </message>
        <message>
            <source>Layer {layer!r} has neither 'score' nor 'tier': run landeval:evaluate (or scoreparcels and classifyparcels) first, then report on its output.</source>
            <translation>图层 {layer!r} 既没有 'score' 字段也没有 'tier' 字段：请先运行 landeval:evaluate（或 scoreparcels 和 classifyparcels），再对其输出生成报告。</translation>
        </message>
        <message>
            <source>Layer {layer!r} has no field {kind!r} to style by. Run the step that makes it first (tier/category/ineff_type: classifyparcels; level: classifyscale; score: scoreparcels).</source>
            <translation>图层 {layer!r} 没有用于设置样式的字段 {kind!r}。请先运行生成该字段的步骤（tier/category/ineff_type：classifyparcels；level：classifyscale；score：scoreparcels）。</translation>
        </message>
        <message>
            <source>Layer {layer!r} has no parcel id field (宗地编号 / parcel_id): dossiers and lists are filed by parcel id; give the output of landeval:evaluate.</source>
            <translation>图层 {layer!r} 没有宗地编号字段（宗地编号 / parcel_id）：档案和清单按宗地编号归档；请提供 landeval:evaluate 的输出。</translation>
        </message>
        <message>
            <source>Layer {rounds!r} has no field 'change': give the OUTPUT of landeval:comparerounds.</source>
            <translation>图层 {rounds!r} 没有 'change' 字段：请提供 landeval:comparerounds 的 OUTPUT。</translation>
        </message>
        <message>
            <source>Layer {scenarios!r} is not a renewal-scenario comparison table (no field 'pattern'): give the OUTPUT_TABLE of landeval:renewalscenarios.</source>
            <translation>图层 {scenarios!r} 不是更新情景比较表（没有 'pattern' 字段）：请提供 landeval:renewalscenarios 的 OUTPUT_TABLE。</translation>
        </message>
        <message>
            <source>Layer {two_evaluations!r} has no field 'quadrant': give the OUTPUT of landeval:twoevaluations.</source>
            <translation>图层 {two_evaluations!r} 没有 'quadrant' 字段：请提供 landeval:twoevaluations 的 OUTPUT。</translation>
        </message>
        <message>
            <source>Layer {zone_levels!r} has no field 'row': give the OUTPUT_LEVELS of landeval:aggregatezones.</source>
            <translation>图层 {zone_levels!r} 没有 'row' 字段：请提供 landeval:aggregatezones 的 OUTPUT_LEVELS。</translation>
        </message>
        <message>
            <source>Layer {zones!r} has no field 't2_score': give the OUTPUT of landeval:aggregatezones run on a layer with the Table 2 inputs.</source>
            <translation>图层 {zones!r} 没有 't2_score' 字段：请提供 landeval:aggregatezones 在含表 2 输入的图层上运行得到的 OUTPUT。</translation>
        </message>
        <message>
            <source>Level value(s) {values} of field {field} name no standing (国家级/省级/市级/县级/镇级); the zone type set the level of those {count} park(s).</source>
            <translation>字段 {field} 的级别值 {values} 未写明等级（国家级/省级/市级/县级/镇级）；这 {count} 个园区的层级按园区类型确定。</translation>
        </message>
        <message>
            <source>MATRIX has {cells} values for {n} criteria ({criteria}): give all {cells_all} cells row by row, or the {cells_above} cells above the diagonal row by row.</source>
            <translation>MATRIX 有 {cells} 个值，而准则有 {n} 个（{criteria}）：请按行给出全部 {cells_all} 个单元格，或按行给出对角线以上的 {cells_above} 个单元格。</translation>
        </message>
        <message>
            <source>MATRIX value {position} is {text!r}: write a number such as 3, 0.2 or 1/5.</source>
            <translation>MATRIX 第 {position} 个值为 {text!r}：请填写数字，如 3、0.2 或 1/5。</translation>
        </message>
        <message>
            <source>N = {n_last} rounds asked for but {count} given: N must be between 1 and the number of rounds.</source>
            <translation>要求 N = {n_last} 轮，但只给出了 {count} 轮：N 必须在 1 到轮数之间。</translation>
        </message>
        <message>
            <source>NAMES gives {names} name(s) for {rounds} round(s): give one per round or none.</source>
            <translation>NAMES 给出了 {names} 个名称，而轮次有 {rounds} 个：请每轮给出一个名称，或全部不给。</translation>
        </message>
        <message>
            <source>No `inefficient` field: every rural block is treated as inefficient.</source>
            <translation>没有 `inefficient` 字段：所有乡村产业街坊均按低效处理。</translation>
        </message>
        <message>
            <source>No `inside_dev_boundary` field: every block is treated as rural (outside the urban development boundary); run computeindicators with DEV_BOUNDARY for a real answer.</source>
            <translation>没有 `inside_dev_boundary` 字段：所有产业街坊均按乡村（城镇开发边界外）处理；请给出 DEV_BOUNDARY 运行 computeindicators 以得到实际结果。</translation>
        </message>
        <message>
            <source>No base or community among the destinations: the parks layer's level field must name at least one `base` or `community`.</source>
            <translation>迁入地中没有产业基地或产业社区：园区图层的层级字段至少要有一个 `base` 或 `community`。</translation>
        </message>
        <message>
            <source>No indicator of weight set {name!r} has a value for any parcel (fields: {fields}), so nothing can be scored. Give a layer with these fields (run computeindicators first), or name the column holding each indicator with field: in the weight set.</source>
            <translation>权重方案 {name!r} 的指标对任何宗地都没有值（字段：{fields}），无法评分。请给出含有这些字段的图层（先运行 computeindicators），或在权重方案中用 field: 指明每个指标所在的列。</translation>
        </message>
        <message>
            <source>No indicator of weight set {name!r} has a value in the layer (fields: {fields}); give the evaluated layer (landeval:evaluate's output), which keeps the indicator columns, and the weight set it was evaluated with.</source>
            <translation>权重方案 {name!r} 的指标在图层中都没有值（字段：{fields}）；请给出保留了指标列的评价结果图层（landeval:evaluate 的输出），以及评价时所用的权重方案。</translation>
        </message>
        <message>
            <source>No label group {group!r} in {store}: add its entries there.</source>
            <translation>{store} 中没有标签组 {group!r}：请在其中添加其条目。</translation>
        </message>
        <message>
            <source>No label {key!r} in {store}: add it there with an en and a zh text.</source>
            <translation>{store} 中没有标签 {key!r}：请在其中添加 en 和 zh 文本。</translation>
        </message>
        <message>
            <source>No parcel lies in any of the {count} park(s) (parks in {park_crs}, parcels in {crs}), so every parcel is an industrial block. If the parks should cover parcels, one of the two layers has the wrong CRS: check it in Layer Properties → Source.</source>
            <translation>没有宗地位于 {count} 个园区中的任何一个内（园区坐标系 {park_crs}，宗地坐标系 {crs}），因此所有宗地均为产业街坊。如园区应覆盖宗地，则两个图层之一的坐标系有误：请在图层属性 → 源 中检查。</translation>
        </message>
        <message>
            <source>No parcel of {layer!r} matches FILTER; nothing to print. Check the filter (default: the inefficient parcels) and that the layer is evaluated.</source>
            <translation>{layer!r} 中没有符合 FILTER 的宗地，无可打印内容。请检查筛选条件（默认：低效宗地）以及该图层是否已完成评价。</translation>
        </message>
        <message>
            <source>No preset named {name!r}. Presets: {presets}.</source>
            <translation>没有名为 {name!r} 的预设。现有预设：{presets}。</translation>
        </message>
        <message>
            <source>No unit in the header of {count} column(s), so read in the catalogue's unit: {listed}. If a column is in another unit, write it in the header (税收总额（元）) or in FIELD_MAP.</source>
            <translation>{count} 列的表头未注明单位，按指标目录的单位读取：{listed}。如某列使用其他单位，请在表头（如 税收总额（元））或 FIELD_MAP 中注明。</translation>
        </message>
        <message>
            <source>No value indicator could be computed: give at least one of the centres, transit stations, roads, POIs or land-use layers, or a land-price field.</source>
            <translation>无法计算任何价值指标：请至少给出中心、公交站点、道路、兴趣点或土地利用图层之一，或地价字段。</translation>
        </message>
        <message>
            <source>None of the indicators of {name!r} can be computed per zone (their inputs are not in the evaluated layer): the zones are summarised without the Table 2 index.</source>
            <translation>{name!r} 的指标均无法按分区计算（其输入不在评价结果图层中）：分区汇总不含表 2 指数。</translation>
        </message>
        <message>
            <source>None of the indicators of {name!r} can be computed per zone: the evaluated layer needs their inputs (output_value, tax, floor_area, employees, electricity, …).</source>
            <translation>{name!r} 的指标都无法按分区计算：评价结果图层需要它们的输入（output_value、tax、floor_area、employees、electricity、…）。</translation>
        </message>
        <message>
            <source>Normalization direction {direction!r} must be benefit or cost (categorical indicators are scored by their value map).</source>
            <translation>标准化方向 {direction!r} 必须是 benefit 或 cost（分类指标按其取值映射打分）。</translation>
        </message>
        <message>
            <source>Normalization groups have {count} values for {n} parcels.</source>
            <translation>标准化分组有 {count} 个值，而宗地有 {n} 宗。</translation>
        </message>
        <message>
            <source>Objective weighting needs a 2-D table (parcels × indicators); got shape {shape}.</source>
            <translation>客观赋权需要二维表（宗地 × 指标）；当前形状为 {shape}。</translation>
        </message>
        <message>
            <source>Objective weights need at least two numeric indicators in the level; this one has {count}.</source>
            <translation>客观赋权要求该层级至少有两个数值型指标；此层级只有 {count} 个。</translation>
        </message>
        <message>
            <source>PARKS layer {parks!r} is not a polygon layer.</source>
            <translation>PARKS 图层 {parks!r} 不是面图层。</translation>
        </message>
        <message>
            <source>POI_RADIUS must be a positive distance in metres (got {radius_m}).</source>
            <translation>POI_RADIUS 必须是以米为单位的正距离（当前为 {radius_m}）。</translation>
        </message>
        <message>
            <source>Parcel id(s) {clash} occur more than once in the parcel layer, and the enterprise table refers to them, so their enterprises cannot be placed. Make PARCEL_ID unique.</source>
            <translation>宗地编号 {clash} 在宗地图层中出现不止一次，而企业表引用了它们，因此无法落位这些企业。请使 PARCEL_ID 唯一。</translation>
        </message>
        <message>
            <source>Parcel ids repeat in the {which} round ({dup}): each id must name one parcel to be compared.</source>
            <translation>{which}轮中宗地编号重复（{dup}）：每个编号必须只对应一宗参与比较的宗地。</translation>
        </message>
        <message>
            <source>Park level values {bad} are not understood: the level field of the bases/communities layer must hold {park_levels} (classifyscale's OUTPUT_PARKS has it).</source>
            <translation>无法识别园区层级值 {bad}：产业基地/产业社区图层的层级字段必须为 {park_levels}（classifyscale 的 OUTPUT_PARKS 含有该字段）。</translation>
        </message>
        <message>
            <source>Persistence needs at least two yearly rounds; give the evaluated layers of two or more years, oldest first.</source>
            <translation>连续低效分析至少需要两轮年度评价；请按从早到晚的顺序给出两个或更多年份的评价结果图层。</translation>
        </message>
        <message>
            <source>QGIS could not load the layout template {path}; open it in the layout designer to check it.</source>
            <translation>QGIS 无法加载布局模板 {path}；请在布局设计器中打开以检查。</translation>
        </message>
        <message>
            <source>ROUND {value!r} is neither a year (2024) nor a date (2024-06-30): give the round's year or the date of its evaluation.</source>
            <translation>ROUND {value!r} 既不是年份（2024）也不是日期（2024-06-30）：请给出本轮的年份或评价日期。</translation>
        </message>
        <message>
            <source>Reason template {template!r}: cannot format field {name!r} with {{:{spec}}} ({err}).</source>
            <translation>理由模板 {template!r}：无法用 {{:{spec}}} 格式化字段 {name!r}（{err}）。</translation>
        </message>
        <message>
            <source>Reason template {template!r}: conversions like !r are not supported.</source>
            <translation>理由模板 {template!r}：不支持 !r 之类的转换。</translation>
        </message>
        <message>
            <source>Reference columns not used (not a Table 2 indicator with zone values): {columns}.</source>
            <translation>未使用的参考列（不是有分区数值的表 2 指标）：{columns}。</translation>
        </message>
        <message>
            <source>Registering the round in the PostGIS table {where} failed: {reason}. Nothing was registered.</source>
            <translation>在 PostGIS 表 {where} 中登记轮次失败：{reason}。未登记任何内容。</translation>
        </message>
        <message>
            <source>Registering the round in {where} failed: {reason}. Nothing was registered.</source>
            <translation>在 {where} 中登记轮次失败：{reason}。未登记任何内容。</translation>
        </message>
        <message>
            <source>Renewal scenarios need the parks: choose them under Apply ▸ Spatial inputs (Parks).</source>
            <translation>更新情景需要园区：请先选择园区图层（应用到宗地图层 ▸ 空间数据 ▸ 园区）。</translation>
        </message>
        <message>
            <source>Round {name!r} has no parcel id field {id_field!r} (nor a 宗地编号 column): set ID_FIELD to the field that holds the parcel id.</source>
            <translation>轮次 {name!r} 没有宗地编号字段 {id_field!r}（也没有宗地编号列）：请将 ID_FIELD 设为记录宗地编号的字段。</translation>
        </message>
        <message>
            <source>Round {round} is already registered in {where}: a round is registered once. Give another ROUND, or delete that round's rows from the table first if it must be replaced.</source>
            <translation>轮次 {round} 已在 {where} 中登记：每个轮次只登记一次。请给出其他 ROUND；如确需替换，请先从表中删除该轮次的记录。</translation>
        </message>
        <message>
            <source>Rule file {name_or_path!r} ({kind}) does not exist. Shipped rule files: {have}.</source>
            <translation>规则文件 {name_or_path!r}（{kind}）不存在。随插件提供的规则文件：{have}。</translation>
        </message>
        <message>
            <source>SPREAD {spread:g} is too large for the {m} weights of {where}: a Dirichlet draw needs SPREAD &lt; √(m − 1) = {limit:.3g}. Give a smaller SPREAD.</source>
            <translation>SPREAD {spread:g} 对 {where} 的 {m} 个权重过大：Dirichlet 抽样要求 SPREAD &lt; √(m − 1) = {limit:.3g}。请给出更小的 SPREAD。</translation>
        </message>
        <message>
            <source>SPREAD {spread:g} must be ≥ 0.</source>
            <translation>SPREAD {spread:g} 必须 ≥ 0。</translation>
        </message>
        <message>
            <source>SPREAD {spread:g}: for uniform draws the half-width must be between 0 and 1 (a weight cannot fall below 0).</source>
            <translation>SPREAD {spread:g}：均匀抽样的半宽必须在 0 到 1 之间（权重不能小于 0）。</translation>
        </message>
        <message>
            <source>Scale thresholds must satisfy 0 &lt; community ({community_km2} km²) ≤ base ({base_km2} km²).</source>
            <translation>规模阈值必须满足 0 &lt; 社区（{community_km2} km²）≤ 基地（{base_km2} km²）。</translation>
        </message>
        <message>
            <source>THRESHOLD_RANGE {low:g},{high:g}: give low,high with 0 ≤ low ≤ high ≤ 1, e.g. 0.55,0.65.</source>
            <translation>THRESHOLD_RANGE {low:g},{high:g}：请按 0 ≤ 下限 ≤ 上限 ≤ 1 给出 下限,上限，如 0.55,0.65。</translation>
        </message>
        <message>
            <source>THRESHOLD_RANGE: give two numbers low,high (e.g. 0.55,0.65), or leave it empty.</source>
            <translation>THRESHOLD_RANGE：请填写两个数 下限,上限（如 0.55,0.65），或留空。</translation>
        </message>
        <message>
            <source>TIER_BREAKS for jenks is the number of classes, 2–4 (e.g. 4).</source>
            <translation>jenks 分级的 TIER_BREAKS 是分级数，取 2–4（如 4）。</translation>
        </message>
        <message>
            <source>TOWN_FIELD is set but PARK_TOWN_FIELD is not: give the field of PARKS that holds each park's town, or leave TOWN_FIELD empty to search the whole district.</source>
            <translation>已设置 TOWN_FIELD 但未设置 PARK_TOWN_FIELD：请给出 PARKS 中记录各园区所属街镇的字段，或将 TOWN_FIELD 留空以在全域范围内搜索。</translation>
        </message>
        <message>
            <source>Table 2 indicators without values in any zone, left out of the index: {missing} (their inputs are not in the evaluated layer).</source>
            <translation>在任何分区都没有数值的表 2 指标，未计入指数：{missing}（其输入不在评价结果图层中）。</translation>
        </message>
        <message>
            <source>Table file not found: {path}</source>
            <translation>未找到表格文件：{path}</translation>
        </message>
        <message>
            <source>The PostGIS table {schema}.{table} already exists on {where}. Choose another table name for {param}, or add replace=yes to the destination to replace it (e.g. postgis:… replace=yes table="{schema}"."{table}" (geom)); nothing was written.</source>
            <translation>PostGIS 表 {schema}.{table} 在 {where} 上已存在。请为 {param} 另选表名，或在输出目标中加上 replace=yes 以替换该表（例如 postgis:… replace=yes table="{schema}"."{table}" (geom)）；未写入任何内容。</translation>
        </message>
        <message>
            <source>The PostGIS table {schema}.{table} on {where} was written but QGIS cannot open it.</source>
            <translation>PostGIS 表 {schema}.{table}（{where}）已写入，但 QGIS 无法打开它。</translation>
        </message>
        <message>
            <source>The Processing algorithm {algorithm} is not available: enable the LandEval plugin's provider (Settings ▸ Options ▸ Processing ▸ Providers).</source>
            <translation>Processing 算法 {algorithm} 不可用：请启用 LandEval 插件的提供程序（设置 ▸ 选项 ▸ 处理 ▸ 提供程序）。</translation>
        </message>
        <message>
            <source>The Processing algorithm {algorithm} is not registered: the LandEval provider is missing from the Processing toolbox. Enable the LandEval plugin (Plugins › Manage and Install Plugins) or reinstall it, then reopen the dock.</source>
            <translation>Processing 算法 {algorithm} 未注册：处理工具箱中没有 LandEval 提供程序。请启用 LandEval 插件（插件 › 管理并安装插件）或重新安装，然后重新打开停靠窗口。</translation>
        </message>
        <message>
            <source>The assumed plot ratio must be &gt; 0, not {default_plot_ratio}.</source>
            <translation>假定容积率必须 &gt; 0，而不是 {default_plot_ratio}。</translation>
        </message>
        <message>
            <source>The bases/communities layer needs a `{col}` field.</source>
            <translation>产业基地/产业社区图层需要 `{col}` 字段。</translation>
        </message>
        <message>
            <source>The county screening needs the inefficiency types (ineff_type): screen the parcels with the rule set's types before the determination.</source>
            <translation>县域筛查需要低效类型（ineff_type）：请先用规则方案中的类型筛查宗地，再进行认定。</translation>
        </message>
        <message>
            <source>The dossier PDF could not be written: {error}</source>
            <translation>无法写入档案 PDF：{error}</translation>
        </message>
        <message>
            <source>The dossier atlas has no pages to print.</source>
            <translation>档案图集没有可打印的页面。</translation>
        </message>
        <message>
            <source>The dossier template {path} is not a QGIS layout template (.qpt): it is not XML.</source>
            <translation>档案模板 {path} 不是 QGIS 布局模板（.qpt）：它不是 XML 文件。</translation>
        </message>
        <message>
            <source>The enterprise table has no parcel id column (宗地编号) and no point geometry: set ENTERPRISE_PARCEL_ID, or give the enterprises as a point layer to join them by location.</source>
            <translation>企业表既没有宗地编号列（宗地编号），也没有点几何：请设置 ENTERPRISE_PARCEL_ID，或以点图层给出企业，按位置关联到宗地。</translation>
        </message>
        <message>
            <source>The enterprise table has no parcel key column {parcel_key!r} (宗地编号); map it in the field mapping.</source>
            <translation>企业表没有宗地关联列 {parcel_key!r}（宗地编号）；请在字段映射中映射它。</translation>
        </message>
        <message>
            <source>The enterprise table's {field} is a number field, so ids are compared as numbers: {count} id(s) written with leading zeros are read as numbers ({examples}).</source>
            <translation>企业表的 {field} 为数值字段，因此按数值比较编号：{count} 个带前导零的编号按数值读取（{examples}）。</translation>
        </message>
        <message>
            <source>The first row of the sheet holds no column headers (e.g. a title row or merged cells above them): delete the rows above the header row so that row 1 holds 宗地编号, 企业名称, … and save again.</source>
            <translation>工作表第一行不是列标题（例如列标题上方还有标题行或合并单元格）：请删除表头行以上的行，使第 1 行为 宗地编号、企业名称……，然后重新保存。</translation>
        </message>
        <message>
            <source>The headers are garbled (�): the table is GBK/GB18030 text opened as UTF-8. Give the file path instead of the loaded layer, or set the layer's Data source encoding to GB18030 (for a Shapefile: put a .cpg file containing GB18030 beside it).</source>
            <translation>表头为乱码（�）：该表是 GBK/GB18030 文本，却按 UTF-8 打开。请改为提供文件路径而非已加载的图层，或将图层的数据源编码设为 GB18030（Shapefile：在其旁边放一个内容为 GB18030 的 .cpg 文件）。</translation>
        </message>
        <message>
            <source>The headers look garbled: the table is UTF-8 text opened as GBK/GB18030. Give the file path instead of the loaded layer, or set the layer's Data source encoding to UTF-8.</source>
            <translation>表头看起来是乱码：该表是 UTF-8 文本，却按 GBK/GB18030 打开。请改为提供文件路径而非已加载的图层，或将图层的数据源编码设为 UTF-8。</translation>
        </message>
        <message>
            <source>The layer carries no contract targets: give at least one of 合同投资强度 (target_investment), 合同亩均产值 (target_output), 合同亩均税收 (target_tax), 合同容积率 (target_plot_ratio) or 约定竣工日期 (agreed_completion_date).</source>
            <translation>图层中没有合同目标：请至少给出 合同投资强度（target_investment）、合同亩均产值（target_output）、合同亩均税收（target_tax）、合同容积率（target_plot_ratio）或 约定竣工日期（agreed_completion_date）之一。</translation>
        </message>
        <message>
            <source>The layer has no field 'inefficient': run landeval:evaluate (or classifyparcels) first; the underused classes are the parcels that evaluation finds inefficient.</source>
            <translation>图层没有 'inefficient' 字段：请先运行 landeval:evaluate（或 classifyparcels）；低效利用类别即评价认定为低效的宗地。</translation>
        </message>
        <message>
            <source>The layer has no field 'inside_dev_boundary': give DEV_BOUNDARY to landeval:evaluate (or computeindicators) so that underused land can be told urban (inside the urban development boundary) from rural (outside).</source>
            <translation>图层没有 'inside_dev_boundary' 字段：请在 landeval:evaluate（或 computeindicators）中给出 DEV_BOUNDARY，以便区分城镇（城镇开发边界内）与乡村（边界外）的低效利用土地。</translation>
        </message>
        <message>
            <source>The layer has no field {fields}: rules that use it never apply. Add the field (e.g. run computeindicators with the red line and development boundary) or edit the rule file.</source>
            <translation>图层中没有字段 {fields}：使用它的规则永不适用。请添加该字段（例如给出生态保护红线和城镇开发边界运行 computeindicators）或修改规则文件。</translation>
        </message>
        <message>
            <source>The layer has no performance score field {name!r}: run the evaluation first or set performance.field in the quadrant rule file.</source>
            <translation>图层没有绩效得分字段 {name!r}：请先运行评价，或在象限规则文件中设置 performance.field。</translation>
        </message>
        <message>
            <source>The layer has no score field; the base scores are the weight set's own.</source>
            <translation>图层没有 score 字段；基准得分按本权重方案计算。</translation>
        </message>
        <message>
            <source>The layer has no value score field {name!r}: run the value evaluation first or set value.field in the quadrant rule file.</source>
            <translation>图层没有价值评估得分字段 {name!r}：请先运行价值评估，或在象限规则文件中设置 value.field。</translation>
        </message>
        <message>
            <source>The parcel layer has no coordinate reference system: set one and run again.</source>
            <translation>宗地图层没有坐标参考系：请设置后重新运行。</translation>
        </message>
        <message>
            <source>The parcel layer has no features: there is nothing to evaluate. Check that the right layer was given, that its filter does not hide every parcel, and — with 'Selected features only' — that parcels are selected.</source>
            <translation>宗地图层没有要素，无可评价。请检查所给图层是否正确、其过滤条件是否隐藏了全部宗地，以及在勾选“仅选中要素”时是否已选中宗地。</translation>
        </message>
        <message>
            <source>The parcel layer lacks {missing}: run classifyscale (for `level`) and give an evaluated parcel layer with its area.</source>
            <translation>宗地图层缺少 {missing}：请运行 classifyscale（得到 `level`），并给出带面积的宗地评价结果图层。</translation>
        </message>
        <message>
            <source>The parcel table has no area_m2 column: compute areas from the geometry or name an area field (in m²).</source>
            <translation>宗地表没有 area_m2 列：请由几何计算面积，或指定面积字段（单位 m²）。</translation>
        </message>
        <message>
            <source>The parcel table has no {parcel_key!r} column to join the enterprises on.</source>
            <translation>宗地表没有用于关联企业的 {parcel_key!r} 列。</translation>
        </message>
        <message>
            <source>The parcel {field} is a number field, so ids are compared as numbers: {count} id(s) written with leading zeros are read as numbers ({examples}).</source>
            <translation>宗地的 {field} 为数值字段，因此按数值比较编号：{count} 个带前导零的编号按数值读取（{examples}）。</translation>
        </message>
        <message>
            <source>The parcels have a town field but the bases/communities do not: give the parks' town field too, or leave the parcels' town field empty to search the whole district.</source>
            <translation>宗地有街镇字段，但产业基地/产业社区图层没有：请同时给出园区的街镇字段，或将宗地的街镇字段留空以在全域范围内搜索。</translation>
        </message>
        <message>
            <source>The park layer has no zone type or level field, so all {count} park(s) were levelled by area alone (base &gt; the base area, community &gt; the community area). Name the zone type field (ZONE_TYPE_FIELD, e.g. 国家级经济技术开发区, 市级工业园区) and/or the level field (ZONE_LEVEL_FIELD: 国家级/省级/市级/县级/镇级) so that standing decides, as the county paper does.</source>
            <translation>园区图层没有园区类型或级别字段，全部 {count} 个园区仅按面积分级（基地 &gt; 基地面积，社区 &gt; 社区面积）。请指定园区类型字段（ZONE_TYPE_FIELD，如 国家级经济技术开发区、市级工业园区）和/或级别字段（ZONE_LEVEL_FIELD：国家级/省级/市级/县级/镇级），按县域论文的做法由园区级别决定。</translation>
        </message>
        <message>
            <source>The park table needs an area_km2 or area_m2 column to tell bases, communities and blocks apart.</source>
            <translation>园区表需要 area_km2 或 area_m2 列，才能区分产业基地、产业社区和产业街坊。</translation>
        </message>
        <message>
            <source>The reach of a base must be a positive distance in metres, not {near_base_m}.</source>
            <translation>产业基地的辐射距离必须是以米为单位的正距离，而不是 {near_base_m}。</translation>
        </message>
        <message>
            <source>The reference table has none of the Table 2 indicators in use ({used}); name its columns by indicator id or Chinese header.</source>
            <translation>参照表中没有所用的任何表 2 指标（{used}）；请用指标编号或中文表头命名其列。</translation>
        </message>
        <message>
            <source>The reference table needs a column 'name' (参照名称: e.g. 邻区, 全省, 全国) and one column per indicator.</source>
            <translation>参照表需要一个 'name' 列（参照名称：如 邻区、全省、全国），以及每个指标一列。</translation>
        </message>
        <message>
            <source>The reference table needs a name column (name / 名称 / 参照 / 参照名称) saying what each row is (邻区, 全省, 全国 …).</source>
            <translation>参照表需要一个名称列（name / 名称 / 参照 / 参照名称），说明每一行是什么（邻区、全省、全国 …）。</translation>
        </message>
        <message>
            <source>The report needs a valid evaluated layer.</source>
            <translation>报告需要一个有效的评价结果图层。</translation>
        </message>
        <message>
            <source>The role {user} may not create the table {table} in schema {schema} of {where} ({reason}). Ask the database administrator for CREATE on schema {schema} (GRANT CREATE ON SCHEMA), or choose for {param} a schema you may write to; nothing was written.</source>
            <translation>角色 {user} 无权在 {where} 的模式 {schema} 中创建表 {table}（{reason}）。请请数据库管理员授予模式 {schema} 的 CREATE 权限（GRANT CREATE ON SCHEMA），或为 {param} 选择一个有写入权限的模式；未写入任何内容。</translation>
        </message>
        <message>
            <source>The search radius must be a positive distance in metres, not {radius}.</source>
            <translation>搜索半径必须是以米为单位的正距离，而不是 {radius}。</translation>
        </message>
        <message>
            <source>The style file {path} is missing; reinstall the LandEval plugin.</source>
            <translation>缺少样式文件 {path}；请重新安装 LandEval 插件。</translation>
        </message>
        <message>
            <source>The style file {path} is missing; use one of {kinds}, or reinstall the LandEval plugin.</source>
            <translation>缺少样式文件 {path}；请使用 {kinds} 之一，或重新安装 LandEval 插件。</translation>
        </message>
        <message>
            <source>The table has no score field; score the parcels before grading tiers.</source>
            <translation>表中没有综合得分字段；请先对宗地评分，再划分分级。</translation>
        </message>
        <message>
            <source>The table has no score field; score the parcels before the determination.</source>
            <translation>表中没有综合得分字段；请先对宗地评分，再进行认定。</translation>
        </message>
        <message>
            <source>The target plot ratio for level {level!r} must be &gt; 0, not {ratio!r}.</source>
            <translation>层级 {level!r} 的目标容积率必须 &gt; 0，而不是 {ratio!r}。</translation>
        </message>
        <message>
            <source>The weight set stored in this project is damaged; open the YAML file again.</source>
            <translation>本项目中保存的权重方案已损坏；请重新打开 YAML 文件。</translation>
        </message>
        <message>
            <source>The {name} layer ({own_authid}) cannot be reprojected to the parcels' CRS ({crs_authid}): check the CRS of both layers.</source>
            <translation>{name} 图层（{own_authid}）无法重投影到宗地图层的坐标参考系（{crs_authid}）：请检查两个图层的坐标参考系。</translation>
        </message>
        <message>
            <source>The {name} layer ({own_authid}) lies nowhere near the parcels ({crs_authid}), so {result} is 0 for every parcel. If they should overlap, one of the two layers has the wrong CRS: check it in Layer Properties → Source.</source>
            <translation>{name} 图层（{own_authid}）与宗地（{crs_authid}）相距甚远，因此所有宗地的 {result} 均为 0。如二者应当重叠，则两个图层之一的坐标系有误：请在图层属性 → 源 中检查。</translation>
        </message>
        <message>
            <source>The {name} layer has no coordinate reference system, so it cannot be matched with the parcels. Set its CRS (Layer Properties → Source) and run again.</source>
            <translation>{name} 图层没有坐标参考系，无法与宗地匹配。请设置其坐标参考系（图层属性 → 源），然后重新运行。</translation>
        </message>
        <message>
            <source>The {what} has no coordinate reference system, so areas cannot be measured. Set it in Layer Properties → Source → Assigned Coordinate Reference System (or run 'Assign projection') and run again, e.g. EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E) or EPSG:4490.</source>
            <translation>{what} 没有坐标参考系，无法量算面积。请在 图层属性 → 源 → 指定的坐标参考系 中设置（或运行“指定投影”），然后重新运行，例如 EPSG:4547（CGCS2000 / 3 度带高斯-克吕格 中央经线 114E）或 EPSG:4490。</translation>
        </message>
        <message>
            <source>The {what} is in {crs_authid} ({crs_name}), measured in degrees, but its coordinates reach x = {x:.0f}, y = {y:.0f}, which are not longitude/latitude: the CRS assigned to the layer is wrong. Assign the projected CRS the data were made in (e.g. EPSG:4547, CGCS2000 / 3-degree Gauss-Kruger CM 114E) with 'Assign projection' and run again.</source>
            <translation>{what} 的坐标参考系为 {crs_authid}（{crs_name}），以度为单位，但其坐标达到 x = {x:.0f}、y = {y:.0f}，不是经纬度：图层指定的坐标参考系有误。请用“指定投影”为其指定数据制作时所用的投影坐标参考系（例如 EPSG:4547，CGCS2000 / 3 度带高斯-克吕格 中央经线 114E），然后重新运行。</translation>
        </message>
        <message>
            <source>The {what} is in {crs_authid} ({crs_name}), measured in metres, but all its coordinates lie within ±180/±90 as longitude/latitude would: if they are degrees, every area is wrong — assign the geographic CRS (e.g. EPSG:4490, CGCS2000) and run again.</source>
            <translation>{what}的坐标系为 {crs_authid}（{crs_name}），以米为单位，但其全部坐标都像经纬度一样位于 ±180/±90 以内：如果这些坐标是度，所有面积都是错的——请指定地理坐标系（如 EPSG:4490，CGCS2000）后重新运行。</translation>
        </message>
        <message>
            <source>The {what} must be a polygon layer (it is {geometry}).</source>
            <translation>{what} 必须是面图层（当前为 {geometry}）。</translation>
        </message>
        <message>
            <source>The {which} has no 'ineff_flags' field: give evaluated layers (their inefficiency flags), or flag by 'inefficient'.</source>
            <translation>{which}没有 'ineff_flags' 字段：请给出评价结果图层（含其低效标记），或按 'inefficient' 标记。</translation>
        </message>
        <message>
            <source>The {which} has no 'inefficient' field: give evaluated layers, or flag by tier.</source>
            <translation>{which}没有 'inefficient' 字段：请给出评价结果图层，或按分级标记。</translation>
        </message>
        <message>
            <source>The {which} has no 'tier' field: give evaluated layers, or flag by 'inefficient'.</source>
            <translation>{which}没有 'tier' 字段：请给出评价结果图层，或按 'inefficient' 标记。</translation>
        </message>
        <message>
            <source>The {which} round has no parcel id field {key!r}; choose the field that holds 宗地编号.</source>
            <translation>{which}轮没有宗地编号字段 {key!r}；请选择记录宗地编号的字段。</translation>
        </message>
        <message>
            <source>The {which} round has {count} parcel(s) without an id in {key!r}: every parcel needs its id to be matched across rounds.</source>
            <translation>{which}轮有 {count} 宗地在 {key!r} 中没有编号：每宗地都需要编号才能在各轮之间匹配。</translation>
        </message>
        <message>
            <source>Tier method {method} needs breaks (quantile: % shares such as [20, 55, 20, 5]; threshold: score cuts such as [0.8, 0.6, 0.4]).</source>
            <translation>分级方法 {method} 需要分级界限（quantile：各级百分比，如 [20, 55, 20, 5]；threshold：得分界限，如 [0.8, 0.6, 0.4]）。</translation>
        </message>
        <message>
            <source>Tier {worst_tier!r} is not one of A, B, C, D.</source>
            <translation>分级 {worst_tier!r} 不是 A、B、C、D 之一。</translation>
        </message>
        <message>
            <source>Unit cost {name} must be a number ≥ 0, not {value!r}.</source>
            <translation>单位成本 {name} 必须是 ≥ 0 的数，而不是 {value!r}。</translation>
        </message>
        <message>
            <source>Unknown area unit {unit!r}: use one of {area_units} (亩, 公顷, 平方千米).</source>
            <translation>未知的面积单位 {unit!r}：请使用 {area_units} 之一（亩、公顷、平方千米）。</translation>
        </message>
        <message>
            <source>Unknown evaluation stage(s) {unknown}: use {stage_names}.</source>
            <translation>未知的评价阶段 {unknown}：请使用 {stage_names}。</translation>
        </message>
        <message>
            <source>Unknown label language {lang!r}: use one of {languages}.</source>
            <translation>未知的标签语言 {lang!r}：请使用 {languages} 之一。</translation>
        </message>
        <message>
            <source>Unknown normalization {method!r}: use one of {methods}.</source>
            <translation>未知的标准化方法 {method!r}：请使用 {methods} 之一。</translation>
        </message>
        <message>
            <source>Unknown normalization {normalization!r}: use one of {normalizations}.</source>
            <translation>未知的标准化方法 {normalization!r}：请使用 {normalizations} 之一。</translation>
        </message>
        <message>
            <source>Unknown renewal pattern {pattern!r}: use one of {patterns}.</source>
            <translation>未知的更新模式 {pattern!r}：请使用 {patterns} 之一。</translation>
        </message>
        <message>
            <source>Unknown robustness method {method!r}: use one of {methods}.</source>
            <translation>未知的稳健性检验方法 {method!r}：请使用 {methods} 之一。</translation>
        </message>
        <message>
            <source>Unknown tier method {method!r}: use one of {tier_methods}.</source>
            <translation>未知的分级方法 {method!r}：请使用 {tier_methods} 之一。</translation>
        </message>
        <message>
            <source>Unknown weighting {weighting!r}: use one of {weightings}.</source>
            <translation>未知的赋权方式 {weighting!r}：请使用 {weightings} 之一。</translation>
        </message>
        <message>
            <source>Weight set {name!r} records no pairwise comparison matrix, so its AHP judgements cannot be perturbed. Record each level's matrix under meta: {{ahp_matrix: [[1, 3], [1/3, 1]]}} (top level for the elements, inside an element for its indicators; landeval:ahpweights writes it with OUTPUT_WEIGHT_SET), or use METHOD 0 (Dirichlet) or 1 (uniform).</source>
            <translation>权重方案 {name!r} 没有记录两两比较判断矩阵，因此无法扰动其层次分析法判断。请在 meta: {{ahp_matrix: [[1, 3], [1/3, 1]]}} 下记录每一层级的矩阵（要素的写在顶层，指标的写在所属要素内；landeval:ahpweights 以 OUTPUT_WEIGHT_SET 写出），或使用 METHOD 0（Dirichlet）或 1（均匀）。</translation>
        </message>
        <message>
            <source>Weights to round must be numbers ≥ 0 with at least one above 0; set one first.</source>
            <translation>要取整的权重必须是 ≥ 0 的数，且至少一个大于 0；请先设置一个。</translation>
        </message>
        <message>
            <source>Writing .xlsx needs the Python package openpyxl in QGIS's Python (Debian/Ubuntu: apt install python3-openpyxl); or write a .csv instead.</source>
            <translation>写出 .xlsx 需要 QGIS 的 Python 中安装 openpyxl 包（Debian/Ubuntu：apt install python3-openpyxl）；或改为写出 .csv。</translation>
        </message>
        <message>
            <source>Writing the PostGIS table {schema}.{table} on {where} failed: {reason}. Nothing was written and an existing table of that name was left as it was; check the server and run again.</source>
            <translation>写入 PostGIS 表 {schema}.{table}（{where}）失败：{reason}。未写入任何内容，同名的已有表保持原样；请检查服务器后重新运行。</translation>
        </message>
        <message>
            <source>Writing {file} failed: {cause}. Check the free disk space and that the output folder is writable, and run again.</source>
            <translation>写入 {file} 失败：{cause}。请检查磁盘剩余空间以及输出文件夹是否可写，然后重新运行。</translation>
        </message>
        <message>
            <source>Zone type / level value(s) that name no standing (development or high-tech zone, 国家级/省级/市级/县级/镇级): {pieces}. These parks were levelled by area alone. Correct the values, or give the level field (ZONE_LEVEL_FIELD), so that standing decides.</source>
            <translation>以下园区类型 / 级别取值不表示任何级别（开发区或高新区，国家级/省级/市级/县级/镇级）：{pieces}。这些园区仅按面积分级。请更正取值，或指定级别字段（ZONE_LEVEL_FIELD），由园区级别决定。</translation>
        </message>
        <message>
            <source>alias {name!r} names both {owner!r} and {id!r}</source>
            <translation>别名 {name!r} 同时指向 {owner!r} 和 {id!r}</translation>
        </message>
        <message>
            <source>applies_to: missing; which parcels get a clearance zone, e.g. {field: inside_dev_boundary, is: no}</source>
            <translation>applies_to：缺失；请说明哪些宗地划定腾退范围，如 {field: inside_dev_boundary, is: no}</translation>
        </message>
        <message>
            <source>cap: {cap!r} must be a positive number</source>
            <translation>cap：{cap!r} 必须是正数</translation>
        </message>
        <message>
            <source>combine_weights: alpha {alpha} must be between 0 and 1.</source>
            <translation>combine_weights：alpha {alpha} 必须在 0 到 1 之间。</translation>
        </message>
        <message>
            <source>combine_weights: method {method!r} is not linear or multiplicative.</source>
            <translation>combine_weights：方法 {method!r} 不是 linear 或 multiplicative。</translation>
        </message>
        <message>
            <source>combine_weights: no indicator has both a subjective and an objective weight &gt; 0.</source>
            <translation>combine_weights：没有任何指标的主观权重和客观权重同时 &gt; 0。</translation>
        </message>
        <message>
            <source>combine_weights: subjective and objective weights must name the same indicators.</source>
            <translation>combine_weights：主观权重与客观权重必须对应相同的指标。</translation>
        </message>
        <message>
            <source>combine_weights: the {name} weights must be ≥ 0 with a positive sum.</source>
            <translation>combine_weights：{name}权重必须 ≥ 0 且总和为正。</translation>
        </message>
        <message>
            <source>combine_weights: {subjective} subjective but {objective} objective weights.</source>
            <translation>combine_weights：主观权重 {subjective} 个，客观权重却有 {objective} 个。</translation>
        </message>
        <message>
            <source>earlier</source>
            <translation>上一</translation>
        </message>
        <message>
            <source>earlier round</source>
            <translation>上一轮评价结果图层</translation>
        </message>
        <message>
            <source>element</source>
            <translation>要素</translation>
        </message>
        <message>
            <source>elements: must be a non-empty list of elements</source>
            <translation>elements：必须是非空的要素列表</translation>
        </message>
        <message>
            <source>empty</source>
            <translation>空值</translation>
        </message>
        <message>
            <source>enterprise table</source>
            <translation>企业表</translation>
        </message>
        <message>
            <source>evaluated layer</source>
            <translation>评价结果图层</translation>
        </message>
        <message>
            <source>group_by: must be a field name</source>
            <translation>group_by：必须是字段名</translation>
        </message>
        <message>
            <source>has no unit</source>
            <translation>没有单位</translation>
        </message>
        <message>
            <source>id ({field})</source>
            <translation>编号（{field}）</translation>
        </message>
        <message>
            <source>indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>indicators.{iid}.direction: {direction!r} is not one of {directions}</source>
            <translation>indicators.{iid}.direction：{direction!r} 不在 {directions} 之中</translation>
        </message>
        <message>
            <source>indicators.{iid}.formula: unknown input {term!r}</source>
            <translation>indicators.{iid}.formula：未知输入 {term!r}</translation>
        </message>
        <message>
            <source>indicators.{iid}: no formula and no raw input of that id</source>
            <translation>indicators.{iid}：既没有公式，也没有同编号的原始输入</translation>
        </message>
        <message>
            <source>industry_classes.classes: a mapping class → list of code prefixes, e.g. heavy: ['25', '26']</source>
            <translation>industry_classes.classes：类别 → 代码前缀列表的映射，如 heavy: ['25', '26']</translation>
        </message>
        <message>
            <source>industry_classes.field: must be a field name</source>
            <translation>industry_classes.field：必须是字段名</translation>
        </message>
        <message>
            <source>industry_classes: must be a mapping with field and classes</source>
            <translation>industry_classes：必须是包含 field 和 classes 的映射</translation>
        </message>
        <message>
            <source>input layer</source>
            <translation>输入图层</translation>
        </message>
        <message>
            <source>is kept in {target}</source>
            <translation>以 {target} 计</translation>
        </message>
        <message>
            <source>land-use layer</source>
            <translation>土地利用图层</translation>
        </message>
        <message>
            <source>later</source>
            <translation>本</translation>
        </message>
        <message>
            <source>later round</source>
            <translation>本轮评价结果图层</translation>
        </message>
        <message>
            <source>layer</source>
            <translation>图层</translation>
        </message>
        <message>
            <source>line {line}, column {column}</source>
            <translation>第 {line} 行第 {column} 列</translation>
        </message>
        <message>
            <source>location</source>
            <translation>空间位置</translation>
        </message>
        <message>
            <source>market_exit.field: must be a field name</source>
            <translation>market_exit.field：必须是字段名</translation>
        </message>
        <message>
            <source>market_exit.values: a non-empty list of status texts (注销, 吊销, 停业, …)</source>
            <translation>market_exit.values：非空的状态文本列表（注销、吊销、停业、…）</translation>
        </message>
        <message>
            <source>market_exit: must be a mapping with field and values, e.g. {field: registration_status, values: [注销, 吊销]}</source>
            <translation>market_exit：必须是包含 field 和 values 的映射，如 {field: registration_status, values: [注销, 吊销]}</translation>
        </message>
        <message>
            <source>name: must be text</source>
            <translation>name：必须是文本</translation>
        </message>
        <message>
            <source>objective</source>
            <translation>客观</translation>
        </message>
        <message>
            <source>parcel layer</source>
            <translation>宗地图层</translation>
        </message>
        <message>
            <source>park layer</source>
            <translation>园区图层</translation>
        </message>
        <message>
            <source>parks layer</source>
            <translation>园区图层</translation>
        </message>
        <message>
            <source>paths: must be a non-empty list of {id, label}</source>
            <translation>paths：必须是非空的 {id, label} 列表</translation>
        </message>
        <message>
            <source>paths[{i}].id: duplicate path {id!r}</source>
            <translation>paths[{i}].id：重复的路径 {id!r}</translation>
        </message>
        <message>
            <source>paths[{i}]: must be a mapping with an id and a label</source>
            <translation>paths[{i}]：必须是包含 id 和 label 的映射</translation>
        </message>
        <message>
            <source>quadrants: must list the four (performance, value) combinations</source>
            <translation>quadrants：必须列出全部四种（performance, value）组合</translation>
        </message>
        <message>
            <source>quadrants: no entry for performance {performance} / value {value}</source>
            <translation>quadrants：缺少 performance {performance} / value {value} 的条目</translation>
        </message>
        <message>
            <source>raw.{rid}.aggregate: {aggregate!r} is not one of {aggregates}</source>
            <translation>raw.{rid}.aggregate：{aggregate!r} 不在 {aggregates} 之中</translation>
        </message>
        <message>
            <source>raw.{rid}.kind: {kind!r} is not one of {kinds}</source>
            <translation>raw.{rid}.kind：{kind!r} 不在 {kinds} 之中</translation>
        </message>
        <message>
            <source>review_band: {review_band!r} must be a number ≥ 0</source>
            <translation>review_band：{review_band!r} 必须是 ≥ 0 的数</translation>
        </message>
        <message>
            <source>roads layer</source>
            <translation>道路图层</translation>
        </message>
        <message>
            <source>row {row!r}, column {column!r}</source>
            <translation>第 {row!r} 行、第 {column!r} 列</translation>
        </message>
        <message>
            <source>somewhere</source>
            <translation>某处</translation>
        </message>
        <message>
            <source>subjective</source>
            <translation>主观</translation>
        </message>
        <message>
            <source>the header</source>
            <translation>表头</translation>
        </message>
        <message>
            <source>the layer has no column '{column}'; apply the set once to compute it.</source>
            <translation>图层没有“{column}”列；请先评价一次以计算该列。</translation>
        </message>
        <message>
            <source>threshold: {threshold!r} must be a number between 0 and 1</source>
            <translation>threshold：{threshold!r} 必须是 0 到 1 之间的数</translation>
        </message>
        <message>
            <source>tiers.breaks: for jenks, the number of classes (2–4) or nothing (4)</source>
            <translation>tiers.breaks：jenks 时为分级数（2–4），或不填（4）</translation>
        </message>
        <message>
            <source>tiers.cap_when: caps at veto_cap, so give tiers.veto_cap too</source>
            <translation>tiers.cap_when：它将分级封顶于 veto_cap，因此也请给出 tiers.veto_cap</translation>
        </message>
        <message>
            <source>tiers.method: {method!r} is not one of {tier_methods}</source>
            <translation>tiers.method：{method!r} 不在 {tier_methods} 之中</translation>
        </message>
        <message>
            <source>tiers.veto_cap: {veto_cap!r} is not one of {tier_labels}</source>
            <translation>tiers.veto_cap：{veto_cap!r} 不在 {tier_labels} 之中</translation>
        </message>
        <message>
            <source>tiers: must be a mapping with method and breaks</source>
            <translation>tiers：必须是包含 method 和 breaks 的映射</translation>
        </message>
        <message>
            <source>{algorithm} has no parameter {names}; update the plugin.</source>
            <translation>{algorithm} 没有参数 {names}；请更新插件。</translation>
        </message>
        <message>
            <source>{algorithm} is still running; wait for it or cancel it.</source>
            <translation>一次只能运行一个计算：{algorithm} 仍在运行，请等待其完成或取消。</translation>
        </message>
        <message>
            <source>{algorithm}: {problem}</source>
            <translation>{algorithm}：{problem}</translation>
        </message>
        <message>
            <source>{axis}.field: must be a field name</source>
            <translation>{axis}.field：必须是字段名</translation>
        </message>
        <message>
            <source>{axis}.split: a score between 0 and 1, or {{stat: median}} ({split!r} given)</source>
            <translation>{axis}.split：0 到 1 之间的得分，或 {{stat: median}}（给出的是 {split!r}）</translation>
        </message>
        <message>
            <source>{axis}.split: {{stat: median}} or {{stat: mean}}, not {split!r}</source>
            <translation>{axis}.split：应为 {{stat: median}} 或 {{stat: mean}}，而不是 {split!r}</translation>
        </message>
        <message>
            <source>{axis}: a mapping with field and split, e.g. {{field: score, split: 0.6}}</source>
            <translation>{axis}：包含 field 和 split 的映射，如 {{field: score, split: 0.6}}</translation>
        </message>
        <message>
            <source>{cell}: the diagonal must be 1, not {v:g}</source>
            <translation>{cell}：对角线必须为 1，而不是 {v:g}</translation>
        </message>
        <message>
            <source>{cell}: {v:g} but row {row!r}, column {column!r} is {mirror:g}; it must be the reciprocal 1/{v:g} = {reciprocal:.4g}</source>
            <translation>{cell}：{v:g}，但行 {row!r}、列 {column!r} 为 {mirror:g}；它必须是倒数 1/{v:g} = {reciprocal:.4g}</translation>
        </message>
        <message>
            <source>{cell}: {v:g} is not a positive number</source>
            <translation>{cell}：{v:g} 不是正数</translation>
        </message>
        <message>
            <source>{cell}: {v:g} is outside Saaty's 1/9–9 scale</source>
            <translation>{cell}：{v:g} 超出 Saaty 的 1/9–9 标度</translation>
        </message>
        <message>
            <source>{column}: in {stated} (as {source} says), converted to {target} (× {factor}) for {label} ({fid}).</source>
            <translation>{column}：单位为 {stated}（据{source}），已换算为 {target}（× {factor}）用于 {label}（{fid}）。</translation>
        </message>
        <message>
            <source>{column}: {count} negative value(s) ({shown}) kept as reported; check them in the source table unless they are refunds.</source>
            <translation>{column}：{count} 个负值（{shown}）按原值保留；除非是退税，请在源表中核对。</translation>
        </message>
        <message>
            <source>{column}: {count} negative value(s) ({shown}) read as missing: {what} cannot be negative. Correct them in the source table.</source>
            <translation>{column}：{count} 个负值（{shown}）按缺失处理：{what}不能为负。请在源表中更正。</translation>
        </message>
        <message>
            <source>{column}: {count} value(s) LandEval cannot read as a status ({shown}); write one of {accepted} (or the like), or leave the cell empty.</source>
            <translation>{column}：{count} 个值无法被 LandEval 识别为状态（{shown}）；请填写 {accepted} 之一（或类似写法），或将单元格留空。</translation>
        </message>
        <message>
            <source>{count} development/high-tech zone park(s) of {km2:g} km² or less are bases by standing (the county paper: bases are 'generally' over {km2:g} km²): {names}.</source>
            <translation>{count} 个面积不大于 {km2:g} km² 的开发区/高新区园区按等级定为产业基地（县域论文：产业基地“一般”大于 {km2:g} km²）：{names}。</translation>
        </message>
        <message>
            <source>{count} enterprise point(s) lie in more than one parcel (overlapping parcels); each was given to the first of them.</source>
            <translation>{count} 个企业点位于多宗地内（宗地重叠）；均归入其中第一宗地。</translation>
        </message>
        <message>
            <source>{count} enterprise row(s) without a parcel id were left out.</source>
            <translation>{count} 行企业记录没有宗地编号，已略去。</translation>
        </message>
        <message>
            <source>{count} parcel(s) are neither approved nor supplied: they are outside the four potential classes (the paper counts land from approval on).</source>
            <translation>{count} 宗地既未批准也未供应：不属于四类潜力（论文自批准起计入用地）。</translation>
        </message>
        <message>
            <source>{count} parcel(s) are recorded as not supplied but under construction or built; they are classed by their supply record (批而未供). Check the supply records.</source>
            <translation>{count} 宗地记录为未供应，却在建或已建成；按供地记录归类（批而未供）。请核对供地记录。</translation>
        </message>
        <message>
            <source>{count} parcel(s) have a layer score that differs from the one this weight set gives (another weight set, normalization override or group field was used to evaluate the layer?); the draws are centred on this weight set's scores. Give the weight set the layer was evaluated with.</source>
            <translation>{count} 宗地块的图层得分与本权重方案算出的得分不同（评价该图层时用了别的权重方案、标准化方法或分组字段？）；抽样以本权重方案的得分为中心。请给出评价该图层时所用的权重方案。</translation>
        </message>
        <message>
            <source>{count} parcel(s) have a target due but no achieved value (see contract_unverified): their contract_breach is left empty until the value is supplied.</source>
            <translation>{count} 宗地的约定指标已到期但没有实际达成值（见 contract_unverified）：在补充该值之前其 contract_breach 留空。</translation>
        </message>
        <message>
            <source>{count} parcel(s) have contract targets but no milestone date (约定竣工日期, 约定达产日期, 到期日期): every target is checked as due.</source>
            <translation>{count} 宗地有约定指标但没有节点日期（约定竣工日期、约定达产日期、到期日期）：所有指标均按已到期核查。</translation>
        </message>
        <message>
            <source>{count} parcel(s) have no value for any indicator and get no score.</source>
            <translation>{count} 宗地的所有指标均无数值，不计得分。</translation>
        </message>
        <message>
            <source>{count} parcel(s) have no {field}: no enterprise can join them. Fill in the ids.</source>
            <translation>{count} 宗地没有 {field}：无法连接任何企业。请补全编号。</translation>
        </message>
        <message>
            <source>{count} parcel(s) lie in overlapping parks; each was given to the first park.</source>
            <translation>{count} 宗地位于相互重叠的园区内；均归入其中第一个园区。</translation>
        </message>
        <message>
            <source>{count} park(s) at municipal level or above of {km2:g} km² or less are communities by standing (the county paper: 'typically greater than {km2:g} km²'): {names}.</source>
            <translation>{count} 个面积不大于 {km2:g} km² 的市级及以上园区按等级定为产业社区（县域论文：“通常”大于 {km2:g} km²）：{names}。</translation>
        </message>
        <message>
            <source>{count} park(s) below municipal level larger than {km2:g} km² are blocks by standing: {names}.</source>
            <translation>{count} 个面积大于 {km2:g} km² 的市级以下园区按等级定为产业街坊：{names}。</translation>
        </message>
        <message>
            <source>{count} relocated parcel(s) have neither floor area nor plot ratio; their floor area was taken as area × {ratio:g} for the relocation costs.</source>
            <translation>{count} 宗搬迁宗地既无建筑面积也无容积率；计算搬迁成本时建筑面积按 面积 × {ratio:g} 取值。</translation>
        </message>
        <message>
            <source>{count} underused parcel(s) have no inside_dev_boundary value and get no class: neither urban nor rural can be told.</source>
            <translation>{count} 宗低效利用宗地没有 inside_dev_boundary 值，不予归类：无法判断属于城镇还是乡村。</translation>
        </message>
        <message>
            <source>{count} {field} value(s) occur more than once ({shown}): each row is evaluated as a parcel of its own. Make the ids unique, or merge the parts of one parcel with 'Dissolve' by {field}.</source>
            <translation>{count} 个 {field} 值重复出现（{shown}）：每行各按一宗地评价。请使编号唯一，或按 {field} 用“融合”（Dissolve）合并同一宗地的各部分。</translation>
        </message>
        <message>
            <source>{dest} would overwrite {source}: both are the PostGIS table {schema}.{table} on {where}. Choose another table name for {dest}; nothing was written.</source>
            <translation>{dest} 会覆盖 {source}：二者都是 {where} 上的 PostGIS 表 {schema}.{table}。请为 {dest} 另选表名；未写入任何内容。</translation>
        </message>
        <message>
            <source>{dest} would overwrite {source}: both are the file {path}, and writing {dest} there would replace the whole file and every layer in it. {advice}. Nothing was written.</source>
            <translation>{dest} 会覆盖 {source}：两者都是文件 {path}，在此写入 {dest} 会替换整个文件及其中的每个图层。{advice}。未写入任何内容。</translation>
        </message>
        <message>
            <source>{dest} would overwrite {source}: the table '{table}' of {path} is the layer {source} reads. Choose another table name for {dest} (or another file); nothing was written.</source>
            <translation>{dest} 会覆盖 {source}：{path} 中的表 '{table}' 正是 {source} 读取的图层。请为 {dest} 另选一个表名（或另一个文件）；未写入任何内容。</translation>
        </message>
        <message>
            <source>{enterprises} enterprise(s) match no parcel (joined by {how}); they are left out of every indicator.</source>
            <translation>{enterprises} 家企业未匹配到任何宗地（按{how}连接）；不计入任何指标。</translation>
        </message>
        <message>
            <source>{fid}: give 'field' (the column) and optionally 'unit', nothing else</source>
            <translation>{fid}：请给出 'field'（列名），可选 'unit'，不要其他键</translation>
        </message>
        <message>
            <source>{fid}: unit {unit!r} is not a unit LandEval knows ({units})</source>
            <translation>{fid}：单位 {unit!r} 不是 LandEval 认识的单位（{units}）</translation>
        </message>
        <message>
            <source>{fid}: {value!r} is not a column name</source>
            <translation>{fid}：{value!r} 不是列名</translation>
        </message>
        <message>
            <source>{field}: {count} cell(s) are not numbers and were read as missing: {shown}. Correct them in the source table.</source>
            <translation>{field}：{count} 个单元格不是数值，按缺失处理：{shown}。请在源表中更正。</translation>
        </message>
        <message>
            <source>{field}: {count} cell(s) marked as having no data ({shown}) read as missing.</source>
            <translation>{field}：{count} 个标记为无数据的单元格（{shown}）按缺失处理。</translation>
        </message>
        <message>
            <source>{field}: {count} infinite value(s) read as missing.</source>
            <translation>{field}：{count} 个无穷大值按缺失处理。</translation>
        </message>
        <message>
            <source>{field}: {count} value(s) are not dates ({shown}); write them as 2020-05-01, 2020/5/1 or 2020年5月1日, or leave the cell empty.</source>
            <translation>{field}：{count} 个值不是日期（{shown}）；请写成 2020-05-01、2020/5/1 或 2020年5月1日，或将单元格留空。</translation>
        </message>
        <message>
            <source>{final} could not be written completely ({count} feature(s) written, {readable} readable back): the disk may be full. Free some space or choose another folder and run again; an existing file there was left as it was.</source>
            <translation>{final} 未能完整写入（已写入 {count} 个要素，可读回 {readable} 个）：磁盘可能已满。请释放空间或另选文件夹，然后重新运行；该处原有的文件保持不变。</translation>
        </message>
        <message>
            <source>{ipath}.id: duplicate indicator id {iid!r} (also at {first})</source>
            <translation>{ipath}.id：重复的指标编号 {iid!r}（另见 {first}）</translation>
        </message>
        <message>
            <source>{ipath}: must be a mapping such as {{id: plot_ratio, weight: 0.4}}</source>
            <translation>{ipath}：必须是映射，如 {{id: plot_ratio, weight: 0.4}}</translation>
        </message>
        <message>
            <source>{key}: must be a list</source>
            <translation>{key}：必须是列表</translation>
        </message>
        <message>
            <source>{key}: must be a non-empty list</source>
            <translation>{key}：必须是非空列表</translation>
        </message>
        <message>
            <source>{key}: {value!r} is not one of {allowed}</source>
            <translation>{key}：{value!r} 不在 {allowed} 之中</translation>
        </message>
        <message>
            <source>{label} ({fid}): the median, {median}, is {ratio} times above the plausible range ({range}). A unit mix-up would explain it: {column} ({term}) holding values in {true_unit} but read as {read_unit} makes {fid} {power} times too large. Check that column; if so, write the right unit in its header ({header}) or in FIELD_MAP ({term}: {{field: …, unit: {true_unit}}}).</source>
            <translation>{label}（{fid}）：中位数 {median} 是合理范围（{range}）上限的 {ratio} 倍。可能是单位混淆：{column}（{term}）的数值单位为 {true_unit} 却按 {read_unit} 读取，使 {fid} 偏大 {power} 倍。请核对该列；如属实，请在其表头（{header}）或 FIELD_MAP（{term}: {{field: …, unit: {true_unit}}}）中写明正确单位。</translation>
        </message>
        <message>
            <source>{label} ({fid}): the median, {median}, is {ratio} times above the plausible range ({range}). A unit mix-up would explain it: {column} ({term}) holding values in {true_unit} but read as {read_unit} makes {fid} {power} times too small. Check that column; if so, write the right unit in its header ({header}) or in FIELD_MAP ({term}: {{field: …, unit: {true_unit}}}).</source>
            <translation>{label}（{fid}）：中位数 {median} 是合理范围（{range}）上限的 {ratio} 倍。可能是单位混淆：{column}（{term}）的数值单位为 {true_unit} 却按 {read_unit} 读取，使 {fid} 偏小 {power} 倍。请核对该列；如属实，请在其表头（{header}）或 FIELD_MAP（{term}: {{field: …, unit: {true_unit}}}）中写明正确单位。</translation>
        </message>
        <message>
            <source>{label} ({fid}): the median, {median}, is {ratio} times above the plausible range ({range}). Check the units of its input columns.</source>
            <translation>{label}（{fid}）：中位数 {median} 是合理范围（{range}）上限的 {ratio} 倍。请核对其输入列的单位。</translation>
        </message>
        <message>
            <source>{label} ({fid}): the median, {median}, is {ratio} times below the plausible range ({range}). A unit mix-up would explain it: {column} ({term}) holding values in {true_unit} but read as {read_unit} makes {fid} {power} times too large. Check that column; if so, write the right unit in its header ({header}) or in FIELD_MAP ({term}: {{field: …, unit: {true_unit}}}).</source>
            <translation>{label}（{fid}）：中位数 {median} 仅为合理范围（{range}）下限的 1/{ratio}。可能是单位混淆：{column}（{term}）的数值单位为 {true_unit} 却按 {read_unit} 读取，使 {fid} 偏大 {power} 倍。请核对该列；如属实，请在其表头（{header}）或 FIELD_MAP（{term}: {{field: …, unit: {true_unit}}}）中写明正确单位。</translation>
        </message>
        <message>
            <source>{label} ({fid}): the median, {median}, is {ratio} times below the plausible range ({range}). A unit mix-up would explain it: {column} ({term}) holding values in {true_unit} but read as {read_unit} makes {fid} {power} times too small. Check that column; if so, write the right unit in its header ({header}) or in FIELD_MAP ({term}: {{field: …, unit: {true_unit}}}).</source>
            <translation>{label}（{fid}）：中位数 {median} 仅为合理范围（{range}）下限的 1/{ratio}。可能是单位混淆：{column}（{term}）的数值单位为 {true_unit} 却按 {read_unit} 读取，使 {fid} 偏小 {power} 倍。请核对该列；如属实，请在其表头（{header}）或 FIELD_MAP（{term}: {{field: …, unit: {true_unit}}}）中写明正确单位。</translation>
        </message>
        <message>
            <source>{label} ({fid}): the median, {median}, is {ratio} times below the plausible range ({range}). Check the units of its input columns.</source>
            <translation>{label}（{fid}）：中位数 {median} 仅为合理范围（{range}）下限的 1/{ratio}。请核对其输入列的单位。</translation>
        </message>
        <message>
            <source>{method} weights need at least 2 parcels with a value in every indicator; too few values in: {short}.</source>
            <translation>{method} 权重需要至少 2 宗在每个指标上都有值的宗地；以下指标的值太少：{short}。</translation>
        </message>
        <message>
            <source>{name} is a categorical indicator: it needs a value→score map, which derived weights cannot give. Leave it out, or add it to the written weight set by hand with its scores.</source>
            <translation>{name} 是分类指标：它需要取值→得分的对照表，而推导出的权重无法给出。请将其排除，或在写出的权重方案中手动加入该指标及其得分。</translation>
        </message>
        <message>
            <source>{name} layer</source>
            <translation>{name} 图层</translation>
        </message>
        <message>
            <source>{name} must be a point layer.</source>
            <translation>{name} 必须是点图层。</translation>
        </message>
        <message>
            <source>{name}: the file {path} {what}. Check the path (a relative path is read from the folder the run starts in, {folder}), or leave {name} empty to use PRESET.</source>
            <translation>{name}：文件 {path} {what}。请检查路径（相对路径从运行启动时所在的文件夹 {folder} 读取），或将 {name} 留空以使用 PRESET。</translation>
        </message>
        <message>
            <source>{name}: {value!r} is not a number; write numbers separated by commas, e.g. 20,55,20,5 or 0.8,0.6,0.4.</source>
            <translation>{name}：{value!r} 不是数字；请填写以逗号分隔的数字，例如 20,55,20,5 或 0.8,0.6,0.4。</translation>
        </message>
        <message>
            <source>{param} and {param2} both write {path}: the second would replace the first. Give {param2} a file of its own (or a table of its own in a GeoPackage); nothing was written.</source>
            <translation>{param} 和 {param2} 都写入 {path}：后者会替换前者。请为 {param2} 指定单独的文件（或 GeoPackage 中单独的表）；未写入任何内容。</translation>
        </message>
        <message>
            <source>{parcels} invalid parcel geometries were repaired (makeValid) to measure them; the output keeps the original geometry — fix it with 'Fix geometries' if it matters elsewhere.</source>
            <translation>{parcels} 个无效宗地几何已修复（makeValid）后量算；输出保留原几何——如在别处有影响，请用“修复几何”（Fix geometries）修正。</translation>
        </message>
        <message>
            <source>{parcels} parcel(s) have no enterprise (n_enterprises = 0); their enterprise indicators are missing.</source>
            <translation>{parcels} 宗地没有企业（n_enterprises = 0）；其企业指标缺失。</translation>
        </message>
        <message>
            <source>{parcels} parcel(s) have no geometry: area and every per-area indicator are missing for them.</source>
            <translation>{parcels} 宗地没有几何：其面积及所有地均指标均缺失。</translation>
        </message>
        <message>
            <source>{parcels} parcel(s) have zero area (a collapsed polygon): area and every per-area indicator are missing for them. Fix or remove them.</source>
            <translation>{parcels} 宗地面积为零（退化的多边形）：其面积及所有地均指标均缺失。请修正或删除。</translation>
        </message>
        <message>
            <source>{path}.benchmark: benchmark normalization needs a benchmark (number or {{stat: mean}}) here or at the top level</source>
            <translation>{path}.benchmark：基准值标准化需要基准值（数值或 {{stat: mean}}），写在此处或顶层</translation>
        </message>
        <message>
            <source>{path}.benchmark: given, but normalization is {norm!r}, not benchmark</source>
            <translation>{path}.benchmark：已给出，但标准化方法是 {norm!r}，不是 benchmark</translation>
        </message>
        <message>
            <source>{path}.cap: {cap!r} must be a positive number</source>
            <translation>{path}.cap：{cap!r} 必须是正数</translation>
        </message>
        <message>
            <source>{path}.direction: {direction!r} is not one of {directions}</source>
            <translation>{path}.direction：{direction!r} 不在 {directions} 之中</translation>
        </message>
        <message>
            <source>{path}.field: must be a column name</source>
            <translation>{path}.field：必须是列名</translation>
        </message>
        <message>
            <source>{path}.field: must be a field name</source>
            <translation>{path}.field：必须是字段名</translation>
        </message>
        <message>
            <source>{path}.group_by: must be a field name</source>
            <translation>{path}.group_by：必须是字段名</translation>
        </message>
        <message>
            <source>{path}.group_by: must be a field name, or a list of field names (the first one the table has is used)</source>
            <translation>{path}.group_by：必须是一个字段名，或字段名列表（使用表中存在的第一个）</translation>
        </message>
        <message>
            <source>{path}.id: duplicate element id {rid!r}</source>
            <translation>{path}.id：重复的要素编号 {rid!r}</translation>
        </message>
        <message>
            <source>{path}.id: duplicate id {rid!r}</source>
            <translation>{path}.id：重复的编号 {rid!r}</translation>
        </message>
        <message>
            <source>{path}.id: missing indicator id</source>
            <translation>{path}.id：缺少指标编号</translation>
        </message>
        <message>
            <source>{path}.id: unknown indicator {iid!r}; use an id of catalogue.yaml or mark a column of your own with custom: true, field: and direction:</source>
            <translation>{path}.id：未知指标 {iid!r}；请使用 catalogue.yaml 中的编号，或用 custom: true、field: 和 direction: 标明自定义的列</translation>
        </message>
        <message>
            <source>{path}.id: {id!r} must be a short identifier</source>
            <translation>{path}.id：{id!r} 必须是简短标识符</translation>
        </message>
        <message>
            <source>{path}.id: {rid!r} must be a short identifier (letters, digits, _)</source>
            <translation>{path}.id：{rid!r} 必须是简短标识符（字母、数字、_）</translation>
        </message>
        <message>
            <source>{path}.indicators: must be a non-empty list</source>
            <translation>{path}.indicators：必须是非空列表</translation>
        </message>
        <message>
            <source>{path}.is: {answer!r} must be yes or no</source>
            <translation>{path}.is：{answer!r} 必须是 yes 或 no</translation>
        </message>
        <message>
            <source>{path}.list: {list_class!r} must be one of {list_classes}</source>
            <translation>{path}.list：{list_class!r} 必须是 {list_classes} 之一</translation>
        </message>
        <message>
            <source>{path}.normalization: {norm!r} is not one of {normalizations}</source>
            <translation>{path}.normalization：{norm!r} 不在 {normalizations} 之中</translation>
        </message>
        <message>
            <source>{path}.op: {op!r} is not one of {ops}</source>
            <translation>{path}.op：{op!r} 不在 {ops} 之中</translation>
        </message>
        <message>
            <source>{path}.path: {target!r} is not one of the paths listed under `paths`</source>
            <translation>{path}.path：{target!r} 不在 `paths` 所列的路径之中</translation>
        </message>
        <message>
            <source>{path}.reason: missing; say why the path is suggested</source>
            <translation>{path}.reason：缺失；请说明建议该路径的理由</translation>
        </message>
        <message>
            <source>{path}.scores.{value}: score {score!r} must be a number between 0 and 1</source>
            <translation>{path}.scores.{value}：得分 {score!r} 必须是 0 到 1 之间的数</translation>
        </message>
        <message>
            <source>{path}.scores: a categorical indicator needs a value→score map, e.g. {{国有企业: 1.0}}</source>
            <translation>{path}.scores：分类指标需要“取值→得分”的映射，如 {{国有企业: 1.0}}</translation>
        </message>
        <message>
            <source>{path}.scores: only categorical indicators take a value→score map</source>
            <translation>{path}.scores：只有分类指标才接受“取值→得分”映射</translation>
        </message>
        <message>
            <source>{path}.stat: {stat!r} is not one of {benchmark_stats}</source>
            <translation>{path}.stat：{stat!r} 不在 {benchmark_stats} 之中</translation>
        </message>
        <message>
            <source>{path}.value: {value!r} must be a number (text only with == or !=)</source>
            <translation>{path}.value：{value!r} 必须是数值（只有 == 或 != 时可为文本）</translation>
        </message>
        <message>
            <source>{path}.when: missing condition</source>
            <translation>{path}.when：缺少条件</translation>
        </message>
        <message>
            <source>{path}.when: missing condition (only the last rule may apply to every parcel left)</source>
            <translation>{path}.when：缺少条件（只有最后一条规则可以适用于其余全部宗地）</translation>
        </message>
        <message>
            <source>{path}.when: the last category takes every remaining parcel, so it has no condition</source>
            <translation>{path}.when：最后一类接收其余全部宗地，因此没有条件</translation>
        </message>
        <message>
            <source>{path}.{axis}: {value!r} must be high or low</source>
            <translation>{path}.{axis}：{value!r} 必须是 high 或 low</translation>
        </message>
        <message>
            <source>{path}.{form}: must be a non-empty list of conditions</source>
            <translation>{path}.{form}：必须是非空的条件列表</translation>
        </message>
        <message>
            <source>{path}.{key}: missing; give {{zh: 中文, en: English}}</source>
            <translation>{path}.{key}：缺失；请给出 {{zh: 中文, en: English}}</translation>
        </message>
        <message>
            <source>{path}: OGR cannot read this file as a table. Check it opens in Excel or QGIS.</source>
            <translation>{path}：OGR 无法将此文件作为表格读取。请检查它能否在 Excel 或 QGIS 中打开。</translation>
        </message>
        <message>
            <source>{path}: `is` cannot be combined with op/value/benchmark</source>
            <translation>{path}：`is` 不能与 op/value/benchmark 同时使用</translation>
        </message>
        <message>
            <source>{path}: a benchmark is a positive number or {{stat: mean|double_mean|median|max}}</source>
            <translation>{path}：基准值是一个正数或 {{stat: mean|double_mean|median|max}}</translation>
        </message>
        <message>
            <source>{path}: a condition is a mapping such as {{field: x, op: '&lt;', value: 1}}</source>
            <translation>{path}：条件应是一个映射，如 {{field: x, op: '&lt;', value: 1}}</translation>
        </message>
        <message>
            <source>{path}: a fixed benchmark must be positive, not {bench}</source>
            <translation>{path}：固定基准值必须为正数，而不是 {bench}</translation>
        </message>
        <message>
            <source>{path}: a label is text or {{zh: 中文, en: English}}</source>
            <translation>{path}：标签是文本或 {{zh: 中文, en: English}}</translation>
        </message>
        <message>
            <source>{path}: a list of code prefixes written as quoted text ('25', not 25)</source>
            <translation>{path}：代码前缀列表，须写成带引号的文本（'25'，而不是 25）</translation>
        </message>
        <message>
            <source>{path}: a mapping with id, performance, value, label, disposal, list</source>
            <translation>{path}：包含 id、performance、value、label、disposal、list 的映射</translation>
        </message>
        <message>
            <source>{path}: a reason is text or {{zh: …, en: …}}</source>
            <translation>{path}：理由是文本或 {{zh: …, en: …}}</translation>
        </message>
        <message>
            <source>{path}: give 1–3 score cuts between tiers, highest first (e.g. [0.8, 0.6, 0.4])</source>
            <translation>{path}：请给出 1–3 个分级之间的得分界限，从高到低（如 [0.8, 0.6, 0.4]）</translation>
        </message>
        <message>
            <source>{path}: give 2–4 percentage shares for tiers A, B, C, D (e.g. [20, 55, 20, 5])</source>
            <translation>{path}：请给出 A、B、C、D 各级的 2–4 个百分比（如 [20, 55, 20, 5]）</translation>
        </message>
        <message>
            <source>{path}: give either value or benchmark (or use `is: yes|no`)</source>
            <translation>{path}：请给出 value 或 benchmark 之一（或使用 `is: yes|no`）</translation>
        </message>
        <message>
            <source>{path}: give every {what} a weight or every {what} marks, not a mix</source>
            <translation>{path}：请为每个{what}都给权重，或都给打分，不要混用</translation>
        </message>
        <message>
            <source>{path}: must be a list of numbers</source>
            <translation>{path}：必须是数值列表</translation>
        </message>
        <message>
            <source>{path}: must be a mapping with id, label and when</source>
            <translation>{path}：必须是包含 id、label 和 when 的映射</translation>
        </message>
        <message>
            <source>{path}: must be a mapping with id, weight and indicators</source>
            <translation>{path}：必须是包含 id、weight 和 indicators 的映射</translation>
        </message>
        <message>
            <source>{path}: must be a mapping with id, when and the rule's result</source>
            <translation>{path}：必须是包含 id、when 和规则结果的映射</translation>
        </message>
        <message>
            <source>{path}: performance {performance} / value {value} is also {other}</source>
            <translation>{path}：performance {performance} / value {value} 与 {other} 重复</translation>
        </message>
        <message>
            <source>{path}: placeholder {{{name}}} must be a plain field name</source>
            <translation>{path}：占位符 {{{name}}} 必须是单纯的字段名</translation>
        </message>
        <message>
            <source>{path}: prefix {prefix!r} is also listed under {owner}</source>
            <translation>{path}：前缀 {prefix!r} 也列在 {owner} 之下</translation>
        </message>
        <message>
            <source>{path}: the condition uses field {name!r}, which is not in the table. Add the column, map it in the field mapping, or change the rule set.</source>
            <translation>{path}：条件使用了字段 {name!r}，但表中没有该字段。请添加该列、在字段映射中映射它，或修改规则方案。</translation>
        </message>
        <message>
            <source>{path}: the file is neither UTF-8 nor GBK/GB18030 text. Save it from Excel as 'CSV UTF-8 (逗号分隔)' and run again.</source>
            <translation>{path}：该文件既不是 UTF-8 也不是 GBK/GB18030 文本。请在 Excel 中另存为“CSV UTF-8 (逗号分隔)”，然后重新运行。</translation>
        </message>
        <message>
            <source>{path}: the marks sum to 0; give at least one {what} a mark</source>
            <translation>{path}：打分之和为 0；请至少为一个{what}打分</translation>
        </message>
        <message>
            <source>{path}: the quantile shares sum to {count:g}, not 100</source>
            <translation>{path}：各级分位比例之和为 {count:g}，不是 100</translation>
        </message>
        <message>
            <source>{path}: the {what} weights sum to {count:.6g}, not 1 (tolerance {weight_tolerance:g}); correct them so each level sums to 1</source>
            <translation>{path}：{what}权重之和为 {count:.6g}，不是 1（容差 {weight_tolerance:g}）；请修正，使每一层级的权重之和为 1</translation>
        </message>
        <message>
            <source>{path}: thresholds must be strictly descending (A cut first), got {breaks}</source>
            <translation>{path}：阈值必须严格递减（A 级界限在前），当前为 {breaks}</translation>
        </message>
        <message>
            <source>{path}: unknown field id(s) {unknown}; use the ids of resources/presets/catalogue.yaml.</source>
            <translation>{path}：未知的字段编号 {unknown}；请使用 resources/presets/catalogue.yaml 中的编号。</translation>
        </message>
        <message>
            <source>{path}: unknown key(s) {unknown}</source>
            <translation>{path}：未知的键 {unknown}</translation>
        </message>
        <message>
            <source>{path}: unknown key(s) {unknown} (allowed: {allowed})</source>
            <translation>{path}：未知的键 {unknown}（允许：{allowed}）</translation>
        </message>
        <message>
            <source>{path}: unknown key(s) {unknown}; use stat and group_by</source>
            <translation>{path}：未知的键 {unknown}；请使用 stat 和 group_by</translation>
        </message>
        <message>
            <source>{path}: use exactly one of field, any, all, not (found {forms})</source>
            <translation>{path}：field、any、all、not 只能使用其中一个（现为 {forms}）</translation>
        </message>
        <message>
            <source>{path}: {err} in {text!r}; placeholders look like {{field}} or {{field:.0%}}</source>
            <translation>{path}：{text!r} 中 {err}；占位符形如 {{field}} 或 {{field:.0%}}</translation>
        </message>
        <message>
            <source>{path}[{i}].{key}: missing or not a number ({value!r})</source>
            <translation>{path}[{i}].{key}：缺失或不是数值（{value!r}）</translation>
        </message>
        <message>
            <source>{path}[{i}].{key}: negative {key} {value}; weights must be ≥ 0</source>
            <translation>{path}[{i}].{key}：{key} 为负数 {value}；权重必须 ≥ 0</translation>
        </message>
        <message>
            <source>{path}[{i}]: cut {b} must be between 0 and 1</source>
            <translation>{path}[{i}]：界限 {b} 必须在 0 到 1 之间</translation>
        </message>
        <message>
            <source>{path}[{i}]: share {b} must be ≥ 0</source>
            <translation>{path}[{i}]：比例 {b} 必须 ≥ 0</translation>
        </message>
        <message>
            <source>{problems}</source>
            <translation>{problems}</translation>
        </message>
        <message>
            <source>{source} has no 'elements' (indicator weights); give a weight set.</source>
            <translation>{source} 没有 'elements'（指标权重）；请提供权重方案。</translation>
        </message>
        <message>
            <source>{source} has no 'elements' (indicators and weights); give a weight set.</source>
            <translation>{source} 没有 'elements'（指标及权重）；请提供权重方案。</translation>
        </message>
        <message>
            <source>{source} has no rules (vetoes, types, categories, tiers); give a rule set.</source>
            <translation>{source} 没有规则（否决项、类型、类别、等级）；请提供规则方案。</translation>
        </message>
        <message>
            <source>{source} is inconsistent:
{problems}</source>
            <translation>{source} 前后不一致：
{problems}</translation>
        </message>
        <message>
            <source>{source}: FIELD_MAP is not valid ({example}):
{problems}</source>
            <translation>{source}：FIELD_MAP 无效（{example}）：
{problems}</translation>
        </message>
        <message>
            <source>{source}: FIELD_MAP must be a YAML mapping of canonical ids to column names, {example}.</source>
            <translation>{source}：FIELD_MAP 必须是标准字段编号到列名的 YAML 映射，{example}。</translation>
        </message>
        <message>
            <source>{source}: not a weight set (expected elements: with id and indicators: lists); check the file against docs/design.md, “Config files”.</source>
            <translation>{source}：不是权重方案（应有 elements: 列表，每项含 id 和 indicators: 列表）；请对照 docs/design.md 的“Config files”检查文件。</translation>
        </message>
        <message>
            <source>{source}: {count} problem(s) in the configuration:
{problems}</source>
            <translation>{source}：配置中有 {count} 个问题：
{problems}</translation>
        </message>
        <message>
            <source>{store}: label {key!r} needs exactly {languages} (missing: {missing}; unknown: {extra}).</source>
            <translation>{store}：标签 {key!r} 必须恰好有 {languages}（缺少：{missing}；未知：{extra}）。</translation>
        </message>
        <message>
            <source>{store}: the id {key!r} is not text; write it in quotes.</source>
            <translation>{store}：编号 {key!r} 不是文本；请加引号。</translation>
        </message>
        <message>
            <source>{store}: the id {key!r} is written twice (line {line}); keep one entry per id.</source>
            <translation>{store}：编号 {key!r} 写了两次（第 {line} 行）；每个编号只保留一条。</translation>
        </message>
        <message>
            <source>{store}: {key!r} is neither a group nor an {{en, zh}} entry.</source>
            <translation>{store}：{key!r} 既不是标签组，也不是 {{en, zh}} 条目。</translation>
        </message>
        <message>
            <source>{value} ({count} park(s): {names}; by area {got})</source>
            <translation>{value}（{count} 个园区：{names}；按面积定为 {got}）</translation>
        </message>
        <message>
            <source>{what}: every entry must be a number.</source>
            <translation>{what}：每一项都必须是数值。</translation>
        </message>
        <message>
            <source>{where}.meta.ahp_matrix has shape {shape} but the level has {size} weights ({names}): give one row and one column per weight, in their order.</source>
            <translation>{where}.meta.ahp_matrix 的形状为 {shape}，但该层级有 {size} 个权重（{names}）：请按权重顺序，每个权重给一行一列。</translation>
        </message>
        <message>
            <source>{where}.meta.ahp_matrix: every cell must be a number.</source>
            <translation>{where}.meta.ahp_matrix：每个单元格都必须是数值。</translation>
        </message>
        <message>
            <source>{where}.meta.ahp_matrix: {err}</source>
            <translation>{where}.meta.ahp_matrix：{err}</translation>
        </message>
        <message>
            <source>{where}.range: {value!r} is not [low, high] with low &lt; high</source>
            <translation>{where}.range：{value!r} 不是满足 low &lt; high 的 [low, high]</translation>
        </message>
        <message>
            <source>{where}: cannot be computed — the table has no {inputs}; the indicator is missing for every parcel.</source>
            <translation>{where}：无法计算——表中没有 {inputs}；所有宗地的该指标均缺失。</translation>
        </message>
        <message>
            <source>{where}: field {field!r} is not in the table; the indicator is missing for every parcel.</source>
            <translation>{where}：表中没有字段 {field!r}；所有宗地的该指标均缺失。</translation>
        </message>
        <message>
            <source>{where}: field {name!r} ({label}) is not in the table; the rule treats it as missing and never fires on it.</source>
            <translation>{where}：表中没有字段 {name!r}（{label}）；规则将其视为缺失，不会因它而触发。</translation>
        </message>
        <message>
            <source>{where}: group field {group_field!r} is not in the table.</source>
            <translation>{where}：表中没有分组字段 {group_field!r}。</translation>
        </message>
        <message>
            <source>{where}: not valid YAML: {problem}</source>
            <translation>{where}：不是有效的 YAML：{problem}</translation>
        </message>
        <message>
            <source>{where}: refused tag ({problem}). LandEval reads plain YAML only; remove tags such as !!python/object — a weight set never needs them</source>
            <translation>{where}：拒绝的标签（{problem}）。LandEval 只读取普通 YAML；请删除 !!python/object 之类的标签——权重方案从不需要它们</translation>
        </message>
        <message>
            <source>{where}: value(s) {shown} are not in the score map and count as missing; add them to scores: in the weight set.</source>
            <translation>{where}：值 {shown} 不在评分对照表中，按缺失处理；请在权重方案的 scores: 中补充。</translation>
        </message>
    </context>
</TS>
