"""Builds landeval_pipeline.model3: computeindicators → checkvetoes → scoreparcels → classifyparcels → applystyle.

Run with the plugin importable as `landeval` (e.g. PYTHONPATH pointing at a folder holding a `landeval` link to
the checkout); tests/algorithms/test_model.py loads and runs the committed file:
    QT_QPA_PLATFORM=offscreen PYTHONPATH=<folder> /usr/bin/python3 resources/models/make_pipeline_model.py
"""
from pathlib import Path

from qgis.core import (
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessing,
)
from qgis.PyQt.QtCore import QPointF

MODEL = Path(__file__).resolve().parent / "landeval_pipeline.model3"
STEPS = ("computeindicators", "checkvetoes", "scoreparcels", "classifyparcels", "applystyle")


def _param(model, definition, x):
    model.addModelParameter(definition, QgsProcessingModelParameter(definition.name()))
    model.parameterComponent(definition.name()).setPosition(QPointF(x, 60))


def _child(model, alg_id, x, sources, static=None):
    child = QgsProcessingModelChildAlgorithm(f"landeval:{alg_id}")
    child.setChildId(alg_id)
    child.setDescription(alg_id)
    child.setPosition(QPointF(x, 220))
    for name, source in sources.items():
        child.addParameterSources(name, [source])
    for name, value in (static or {}).items():
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    model.addChildAlgorithm(child)
    return model.childAlgorithm(alg_id)


def build():
    model = QgsProcessingModelAlgorithm("LandEval pipeline / 低效用地评价流程", "LandEval", "landeval_pipeline")
    model.setHelpContent({"ALG_DESC": "Indicators, vetoes, scores, classification and the tier style, step by step "
                                      "(the same result as landeval:evaluate without parks). The ecological red "
                                      "line, development boundary and POIs are optional; given, they add "
                                      "redline_share, inside_dev_boundary and poi_count / poi_density (POIs within "
                                      "poi_radius metres) for the vetoes, types and scores that use them."})
    _param(model, QgsProcessingParameterFeatureSource("parcels", "Parcels / 宗地", [QgsProcessing.SourceType.TypeVectorPolygon]), 0)
    _param(model, QgsProcessingParameterField("parcel_id", "Parcel id field / 宗地编号字段",
                                              parentLayerParameterName="parcels"), 200)
    _param(model, QgsProcessingParameterFeatureSource("enterprises", "Enterprises / 企业表", [QgsProcessing.SourceType.TypeVector],
                                                      optional=True), 400)
    _param(model, QgsProcessingParameterString("preset", "Preset / 预设方案", defaultValue="jiangning"), 600)
    _param(model, QgsProcessingParameterFile("weight_set", "Weight set (YAML) / 权重方案", extension="yaml",
                                             optional=True), 800)
    _param(model, QgsProcessingParameterFile("rule_set", "Rule set (YAML) / 规则方案", extension="yaml",
                                             optional=True), 1000)
    _param(model, QgsProcessingParameterEnum("area_unit", "Area unit / 面积单位", ["mu", "ha", "km2"],
                                             defaultValue=0), 1200)
    # The spatial inputs of computeindicators: without them the model gives no redline_share,
    # inside_dev_boundary or poi_count, and the vetoes and types that use them never apply.
    _param(model, QgsProcessingParameterFeatureSource("eco_redline", "Ecological red line / 生态保护红线",
                                                      [QgsProcessing.SourceType.TypeVectorPolygon], optional=True), 1400)
    _param(model, QgsProcessingParameterFeatureSource("dev_boundary", "Urban development boundary / 城镇开发边界",
                                                      [QgsProcessing.SourceType.TypeVectorPolygon], optional=True), 1600)
    _param(model, QgsProcessingParameterFeatureSource("pois", "Public-service POIs / 公共服务设施点",
                                                      [QgsProcessing.SourceType.TypeVectorPoint], optional=True), 1800)
    _param(model, QgsProcessingParameterNumber("poi_radius", "POI radius (m) / 服务半径(米)",
                                               QgsProcessingParameterNumber.Type.Double, defaultValue=1000.0, minValue=1.0),
           2000)
    p = QgsProcessingModelChildParameterSource.fromModelParameter
    out = QgsProcessingModelChildParameterSource.fromChildOutput
    _child(model, "computeindicators", 0, {"PARCELS": p("parcels"), "PARCEL_ID": p("parcel_id"),
                                           "ENTERPRISES": p("enterprises"), "AREA_UNIT": p("area_unit"),
                                           "ECO_REDLINE": p("eco_redline"), "DEV_BOUNDARY": p("dev_boundary"),
                                           "POIS": p("pois"), "POI_RADIUS": p("poi_radius")})
    _child(model, "checkvetoes", 250, {"INPUT": out("computeindicators", "OUTPUT"), "PRESET": p("preset"),
                                       "RULE_SET": p("rule_set")})
    _child(model, "scoreparcels", 500, {"INPUT": out("checkvetoes", "OUTPUT"), "PRESET": p("preset"),
                                        "WEIGHT_SET": p("weight_set")})
    classify = _child(model, "classifyparcels", 750, {"INPUT": out("scoreparcels", "OUTPUT"), "PRESET": p("preset"),
                                                      "RULE_SET": p("rule_set")})
    final = QgsProcessingModelOutput("evaluated", "Evaluated parcels / 评价结果")
    final.setChildOutputName("OUTPUT")
    final.setChildId("classifyparcels")
    classify.setModelOutputs({"evaluated": final})
    _child(model, "applystyle", 1000, {"INPUT": out("classifyparcels", "OUTPUT")}, {"STYLE": 0})
    model.updateDestinationParameters()
    return model


def main():
    import sys

    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from landeval.algorithms.provider import LandEvalProvider

    QgsApplication.processingRegistry().addProvider(LandEvalProvider())
    model = build()
    if not model.toFile(str(MODEL)):
        raise SystemExit(f"could not write {MODEL}")
    print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
