using System.Globalization;

namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>
/// One row of NeuroSim V1.3's <c>NetWork.csv</c>: input feature map height and width, input channels, kernel height
/// and width, output channels, whether a max pool follows (0/1) and the stride. A fully connected layer is
/// <c>1,1,in,1,1,out,0,1</c>. <see cref="InChannels"/> and <see cref="OutChannels"/> already include the cells a ±1
/// weight takes (two rows per weight double the input channels).
/// </summary>
public sealed record NeuroSimLayerRow(string Layer, int IfmHeight, int IfmWidth, int InChannels, int KernelHeight, int KernelWidth,
    int OutChannels, bool FollowedByMaxPool, int Stride)
{
    /// <summary>Input vectors NeuroSim V1.3 reads for the layer (it ignores padding): ⌊(H−K+1)/s · (W−K+1)/s⌋ in its double arithmetic.</summary>
    public int NeuroSimWindows =>
        (int)((IfmHeight - KernelHeight + 1) / (double)Stride * (IfmWidth - KernelWidth + 1) / Stride);

    /// <summary>Rows of the layer's weight and input trace files: C_in·K_H·K_W (doubled channels included).</summary>
    public int MatrixRows => InChannels * KernelHeight * KernelWidth;

    /// <summary>A row read back from a NetWork.csv line (eight integers).</summary>
    /// <exception cref="FormatException">The line does not hold eight integers.</exception>
    public static NeuroSimLayerRow Parse(string line, string layer)
    {
        var v = line.Split(',').Select(x => int.Parse(x, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray();
        return v.Length == 8
            ? new NeuroSimLayerRow(layer, v[0], v[1], v[2], v[3], v[4], v[5], v[6] != 0, v[7])
            : throw new FormatException($"a NetWork.csv row holds 8 integers; '{line}' holds {v.Length}");
    }

    /// <summary>The row as NeuroSim reads it: eight integers, comma-separated, no spaces.</summary>
    public string ToCsvLine() => string.Join(",",
        new[] { IfmHeight, IfmWidth, InChannels, KernelHeight, KernelWidth, OutChannels, FollowedByMaxPool ? 1 : 0, Stride }
            .Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
