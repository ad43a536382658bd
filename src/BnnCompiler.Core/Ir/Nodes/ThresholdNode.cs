namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>
/// Multi-level threshold activation (FINN's MultiThreshold, a folded BatchNorm + binarizer, a QONNX
/// quantizer): code = Σ_i [s_c·x ≥ T[c,i]] (strict: &gt;) with channel c on axis 1, and
/// y = OutScale·code + OutBias. One threshold (Levels = 1) with OutScale 2 and OutBias −1 is the bipolar
/// sign. Thresholds are [C, Levels] ascending, or [1, Levels] shared by all channels. s_c is −1 for a
/// channel whose comparison is flipped (BatchNorm with γ &lt; 0), else +1.
/// </summary>
public sealed class ThresholdNode : IrNode
{
    public ThresholdNode(string name, string origin, IrValue input, IrValue output, float[] thresholds, int levels,
        sbyte[]? channelSigns, bool strict, float outScale, float outBias)
        : base(name, origin, [input], [output])
    {
        if (levels < 1 || thresholds.Length % levels != 0)
        {
            throw new ShapeException($"threshold table of {thresholds.Length} values does not split into {levels} levels");
        }

        var channels = thresholds.Length / levels;
        var inputChannels = input.Shape.Rank >= 2 ? input.Shape[1] : 1;
        if (channels != 1 && channels != inputChannels)
        {
            throw new ShapeException($"threshold table has {channels} channels, input {input.Shape} has {inputChannels}");
        }

        Thresholds = thresholds;
        Levels = levels;
        ChannelSigns = channelSigns;
        Strict = strict;
        OutScale = outScale;
        OutBias = outBias;
    }

    public float[] Thresholds { get; }

    public int Levels { get; }

    public int Channels => Thresholds.Length / Levels;

    public sbyte[]? ChannelSigns { get; }

    public bool Strict { get; }

    public float OutScale { get; }

    public float OutBias { get; }

    /// <summary>True for a two-valued output (one threshold level).</summary>
    public bool IsBinary => Levels == 1;

    public override string OpName => "threshold";

    public ThresholdNode WithOutput(float outScale, float outBias, IrValue output) =>
        new(Name, Origin, Inputs[0], output, Thresholds, Levels, ChannelSigns, Strict, outScale, outBias);

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) =>
        new ThresholdNode(Name, Origin, inputs[0], Output, Thresholds, Levels, ChannelSigns, Strict, OutScale, OutBias);

    public override string Describe() =>
        $"levels={Levels} channels={Channels}{(Strict ? " strict" : string.Empty)} out={OutScale}*code{OutBias:+0.###;-0.###}";
}
