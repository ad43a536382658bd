namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// The digital terms of one output pixel that do not come from the crossbar: the input code's scale and
/// constant (v = Scale·c + Constant), and per column the −1 weights on driven rows times (2^P − 1) and Σ w
/// over driven rows (arrays of <see cref="ColumnKernel.Stride"/> entries).
/// </summary>
internal readonly ref struct PixelTerms(double scale, double constant, ReadOnlySpan<double> negativeTerm, ReadOnlySpan<double> signedValid)
{
    public double Scale { get; } = scale;

    public double Constant { get; } = constant;

    public ReadOnlySpan<double> NegativeTerm { get; } = negativeTerm;

    public ReadOnlySpan<double> SignedValid { get; } = signedValid;
}
