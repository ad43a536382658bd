using System.Globalization;
using System.Text;

namespace BnnCompiler.Zoo;

/// <summary>
/// A zoo network's weight layers and its parameter count as Larq Zoo counts parameters: conv/dense weights,
/// every BatchNormalization's β, moving mean and moving variance, γ where the layer has a scale, and the
/// bias of a layer that has one.
/// </summary>
public sealed record ZooModelSummary(
    string Name,
    string DisplayName,
    string LarqModel,
    IReadOnlyList<ZooLayer> Layers,
    long BatchNormParameters,
    long BiasParameters,
    long LarqPublishedParameters,
    double LarqPublishedMemoryMiB)
{
    public long ConvDenseWeights => Layers.Sum(l => l.Weights);

    public long Parameters => ConvDenseWeights + BatchNormParameters + BiasParameters;

    public long Macs => Layers.Sum(l => l.Macs);

    /// <summary>
    /// Memory as Larq's model summary reckons it: binary weights at 1 bit, everything else (full-precision
    /// layers, BatchNormalization, biases) at 32 bits. Reproduces Larq Zoo's published "Memory" column.
    /// </summary>
    public long LarqMemoryBits => Layers.Sum(l => l.LarqFullPrecision ? 32 * l.Weights : l.Weights)
        + (32 * (BatchNormParameters + BiasParameters));

    /// <summary>The same reckoning with every layer's weights binary, as in the study.</summary>
    public long AllBinaryMemoryBits => ConvDenseWeights + (32 * (BatchNormParameters + BiasParameters));

    /// <summary>The layer table of docs/imagenet-models.md (a test keeps the two equal).</summary>
    public string ToMarkdownTable()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("| # | layer | kind | Cin | Cout | k | stride | in H×W | out H×W | weights | MACs | Larq precision | around it |\n");
        sb.Append("|---:|---|---|---:|---:|---:|---:|---|---|---:|---:|---|---|\n");
        foreach (var l in Layers)
        {
            sb.Append(ci, $"| {l.Index} | {l.Name} | {KindText(l.Kind)} | {l.InChannels} | {l.OutChannels} | {l.Kernel} | {l.Stride} ");
            sb.Append(ci, $"| {l.InHeight}×{l.InWidth} | {l.OutHeight}×{l.OutWidth} | {Group(l.Weights)} | {Group(l.Macs)} ");
            sb.Append(ci, $"| {(l.LarqFullPrecision ? "full (binarized here)" : "binary")} | {l.Note} |\n");
        }

        sb.Append(ci, $"| | **total** | | | | | | | | **{Group(ConvDenseWeights)}** | **{Group(Macs)}** | | |\n");
        return sb.ToString();
    }

    /// <summary>Digits in groups of three separated by commas: 61,859,192.</summary>
    public static string Group(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string KindText(ZooLayerKind kind) => kind switch
    {
        ZooLayerKind.FirstConv => "conv, multi-bit input",
        ZooLayerKind.Conv => "conv",
        ZooLayerKind.ShortcutConv => "shortcut conv",
        ZooLayerKind.TransitionConv => "transition conv",
        ZooLayerKind.Dense => "dense",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
