using System.Diagnostics;

namespace BnnCompiler.Cli.Tests.Fuzz;

/// <summary>
/// Runs one fuzz case through bnnc in-process and records what breaks the contract: an exit code other than
/// 0 or 2, a code 2 without a BNNnnnn diagnostic or with an exception's name or stack trace, a case slower than
/// <see cref="MaxSecondsPerCase"/>, or one that allocates more than <see cref="MaxBytesPerCase"/>. (A crash of
/// the runtime itself, exit 134 or 139, ends the test host and so fails the run too.)
/// </summary>
public sealed class FuzzHarness
{
    public const double MaxSecondsPerCase = 30;

    public const long MaxBytesPerCase = 3L << 30;

    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public int Runs { get; private set; }

    public Dictionary<int, int> ExitCodes { get; } = [];

    /// <summary>Runs bnnc with <paramref name="args"/>; returns its exit code.</summary>
    public int Run(string label, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var run = CliRun.Of(args);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        clock.Stop();
        Runs++;
        ExitCodes[run.ExitCode] = ExitCodes.GetValueOrDefault(run.ExitCode) + 1;
        var firstLine = run.Error.Split('\n').FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        string? problem = run.ExitCode switch
        {
            0 => null,
            2 when !System.Text.RegularExpressions.Regex.IsMatch(run.Error, @"error BNN\d{4}:") => "exit 2 without a BNNnnnn diagnostic",
            2 when run.Error.Contains("   at ", StringComparison.Ordinal) || run.Error.Contains("Exception", StringComparison.Ordinal) => "a diagnostic with an exception in it",
            2 => null,
            _ => $"exit {run.ExitCode}",
        };
        if (problem is null && clock.Elapsed.TotalSeconds > MaxSecondsPerCase)
        {
            problem = $"took {clock.Elapsed.TotalSeconds:F1} s (bound {MaxSecondsPerCase} s)";
        }

        if (problem is null && allocated > MaxBytesPerCase)
        {
            problem = $"allocated {allocated:N0} bytes (bound {MaxBytesPerCase:N0})";
        }

        if (problem is not null)
        {
            _failures.Add($"{label}: bnnc {string.Join(' ', args.Select(a => Path.GetFileName(a)))}: {problem}: {Trim(firstLine)}");
        }

        return run.ExitCode;
    }

    public string Summary() =>
        $"{Runs} runs; exit codes {string.Join(", ", ExitCodes.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"))}; "
        + $"{_failures.Count} failures{(_failures.Count == 0 ? string.Empty : ":\n" + string.Join('\n', _failures.Take(30)))}";

    private static string Trim(string line) => line.Length > 300 ? line[..300] + "…" : line;
}
