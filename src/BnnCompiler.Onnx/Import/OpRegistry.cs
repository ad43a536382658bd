namespace BnnCompiler.Onnx.Import;

/// <summary>The operators the importer understands, by domain, each with its translator.</summary>
internal static class OpRegistry
{
    /// <summary>Domains of the binarized-network dialects: QONNX (Brevitas) and FINN.</summary>
    public static readonly IReadOnlyList<string> QonnxDomains = ["onnx.brevitas", "qonnx.custom_op.general", "qonnx.custom_op"];

    public static readonly IReadOnlyList<string> FinnDomains = ["finn", "finn.custom_op.general"];

    private static readonly Dictionary<string, Action<ImportContext>> Standard = BuildStandard();

    private static readonly Dictionary<string, Action<ImportContext>> Custom = new(StringComparer.Ordinal)
    {
        ["BipolarQuant"] = QuantTranslators.BipolarQuant,
        ["Quant"] = QuantTranslators.Quant,
        ["MultiThreshold"] = QuantTranslators.MultiThreshold,
    };

    public static IEnumerable<string> StandardOps => Standard.Keys.Order(StringComparer.Ordinal);

    public static IEnumerable<string> CustomOps => Custom.Keys.Order(StringComparer.Ordinal);

    public static bool IsCustomDomain(string domain) => QonnxDomains.Contains(domain) || FinnDomains.Contains(domain);

    public static Action<ImportContext>? Find(string domain, string opType) =>
        domain is "" or "ai.onnx" ? Standard.GetValueOrDefault(opType)
        : IsCustomDomain(domain) ? Custom.GetValueOrDefault(opType)
        : null;

    private static Dictionary<string, Action<ImportContext>> BuildStandard()
    {
        var map = new Dictionary<string, Action<ImportContext>>(StringComparer.Ordinal)
        {
            ["Identity"] = ShapeTranslators.Identity,
            ["Dropout"] = ShapeTranslators.Identity,
            ["Constant"] = ShapeTranslators.Constant,
            ["ConstantOfShape"] = ShapeTranslators.ConstantOfShape,
            ["Shape"] = ShapeTranslators.Shape,
            ["Gather"] = ShapeTranslators.Gather,
            ["Unsqueeze"] = ShapeTranslators.Unsqueeze,
            ["Squeeze"] = ShapeTranslators.Squeeze,
            ["Reshape"] = ShapeTranslators.Reshape,
            ["Flatten"] = ShapeTranslators.Flatten,
            ["Concat"] = ShapeTranslators.Concat,
            ["Transpose"] = ShapeTranslators.Transpose,
            ["Cast"] = ShapeTranslators.Cast,
            ["Clip"] = MathTranslators.Clip,
            ["Where"] = MathTranslators.Where,
            ["Conv"] = LayerTranslators.Conv,
            ["Gemm"] = LayerTranslators.Gemm,
            ["MatMul"] = LayerTranslators.MatMul,
            ["BatchNormalization"] = LayerTranslators.BatchNorm,
            ["MaxPool"] = LayerTranslators.Pool,
            ["AveragePool"] = LayerTranslators.Pool,
            ["GlobalAveragePool"] = LayerTranslators.Pool,
            ["GlobalMaxPool"] = LayerTranslators.Pool,
            ["TopK"] = HeadTranslators.TopK,
            ["ArgMax"] = HeadTranslators.ArgMax,
        };
        foreach (var op in MathTranslators.BinaryOps.Keys)
        {
            map[op] = MathTranslators.Binary;
        }

        foreach (var op in MathTranslators.UnaryOps.Keys)
        {
            map[op] = MathTranslators.Unary;
        }

        return map;
    }
}
