namespace BnnCompiler.Passes;

/// <summary>
/// What the pass manager checks before the first pass and after every pass that changed the graph:
/// <see cref="Structure"/> runs <see cref="Core.Ir.IrVerifier"/>; <see cref="InterpreterSamples"/> &gt; 0 runs the
/// interpreter on that many seeded inputs and requires bit-identical outputs to the graph as imported.
/// </summary>
public sealed record PassChecks(bool Structure, int InterpreterSamples = 0, ulong Seed = 1)
{
    /// <summary>No checks (Release builds without <c>--verify-each</c>).</summary>
    public static PassChecks None { get; } = new(false);

    /// <summary>The verifier after every pass (<c>--verify-each</c>).</summary>
    public static PassChecks VerifyEach { get; } = new(true);

    /// <summary>The build's default: the verifier after every pass in Debug builds, nothing in Release builds.</summary>
    public static PassChecks BuildDefault { get; } =
#if DEBUG
        VerifyEach;
#else
        None;
#endif
}
