<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>LandEval</name>
        <message>
            <source>AHP weights</source>
            <translation>层次分析法权重</translation>
        </message>
        <message>
            <source>Aggregate by zone</source>
            <translation>分区汇总评价</translation>
        </message>
        <message>
            <source>Apply LandEval style</source>
            <translation>应用评价样式</translation>
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
            <source>Classify parcels</source>
            <translation>低效认定与分级</translation>
        </message>
        <message>
            <source>Classify scale levels</source>
            <translation>空间层级划分</translation>
        </message>
        <message>
            <source>Compare evaluation rounds</source>
            <translation>评价轮次对比</translation>
        </message>
        <message>
            <source>Compute indicators</source>
            <translation>计算评价指标</translation>
        </message>
        <message>
            <source>Decision support</source>
            <translation>决策支持</translation>
        </message>
        <message>
            <source>Entropy / CRITIC weights</source>
            <translation>熵权法与CRITIC权重</translation>
        </message>
        <message>
            <source>Evaluate industrial land (one step)</source>
            <translation>一键评价</translation>
        </message>
        <message>
            <source>Evaluation</source>
            <translation>评价</translation>
        </message>
        <message>
            <source>Evaluation report (HTML)</source>
            <translation>评价报告</translation>
        </message>
        <message>
            <source>Inefficient-land list (Excel)</source>
            <translation>低效用地清单</translation>
        </message>
        <message>
            <source>LandEval weight sets</source>
            <translation>LandEval 权重方案</translation>
        </message>
        <message>
            <source>Parcel dossiers (PDF atlas)</source>
            <translation>宗地档案（一宗一档）</translation>
        </message>
        <message>
            <source>Persistent inefficiency</source>
            <translation>连续低效识别</translation>
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
            <source>Renewal scenarios</source>
            <translation>多情景更新方案</translation>
        </message>
        <message>
            <source>Robustness of the identification</source>
            <translation>识别结果稳健性</translation>
        </message>
        <message>
            <source>Score parcels</source>
            <translation>综合评分</translation>
        </message>
        <message>
            <source>Suggest redevelopment paths</source>
            <translation>再开发路径建议</translation>
        </message>
        <message>
            <source>Two evaluations: performance × value</source>
            <translation>两评估（绩效×价值）</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>权重</translation>
        </message>
    </context>
</TS>
