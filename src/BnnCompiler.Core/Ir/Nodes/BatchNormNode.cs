namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>
/// Inference batch normalisation on axis 1 in float32, evaluated in ONNX Runtime's order:
/// s = γ / √(var + ε), b' = β − μ·s, y = x·s + b'.
/// </summary>
public sealed class BatchNormNode : IrNode
{
    public BatchNormNode(string name, string origin, IrValue input, IrValue output, float[] gamma, float[] beta, float[] mean, float[] variance, float epsilon)
        : base(name, origin, [input], [output])
    {
        var channels = input.Shape.Rank >= 2 ? input.Shape[1] : input.Shape[0];
        if (gamma.Length != channels || beta.Length != channels || mean.Length != channels || variance.Length != channels)
        {
            throw new ShapeException($"batch norm parameters must have {channels} values (axis 1 of {input.Shape})");
        }

        Gamma = gamma;
        Beta = beta;
        Mean = mean;
        Variance = variance;
        Epsilon = epsilon;
        Scale = new float[channels];
        Shift = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var invStd = 1f / MathF.Sqrt(variance[c] + epsilon);
            Scale[c] = invStd * gamma[c];
            Shift[c] = beta[c] - (mean[c] * Scale[c]);
        }
    }

    public float[] Gamma { get; }

    public float[] Beta { get; }

    public float[] Mean { get; }

    public float[] Variance { get; }

    public float Epsilon { get; }

    /// <summary>Per-channel multiplier s = γ / √(var + ε) as computed in float32.</summary>
    public float[] Scale { get; }

    /// <summary>Per-channel offset β − μ·s as computed in float32.</summary>
    public float[] Shift { get; }

    public override string OpName => "batch_norm";

    public override IrNode WithInputs(IReadOnlyList<IrValue> inputs) =>
        new BatchNormNode(Name, Origin, inputs[0], Output, Gamma, Beta, Mean, Variance, Epsilon);

    public override string Describe() => $"channels={Gamma.Length} eps={Epsilon}";
}
