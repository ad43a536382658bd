using System.Diagnostics;

namespace BnnCompiler.Cli.Output;

/// <summary>A one-line progress bar with time left, drawn on standard error only when it is a terminal.</summary>
public sealed class ProgressBar(TextWriter writer, int total, string label) : IProgress<int>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _enabled = !Console.IsErrorRedirected;

    public void Report(int value)
    {
        if (!_enabled || total <= 0)
        {
            return;
        }

        var fraction = Math.Clamp((double)value / total, 0, 1);
        var filled = (int)(fraction * 30);
        var left = fraction > 0 ? TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds * (1 - fraction) / fraction) : TimeSpan.Zero;
        lock (writer)
        {
            writer.Write($"\r{label} [{new string('#', filled)}{new string('.', 30 - filled)}] {value}/{total} {left:mm\\:ss} left ");
            if (value >= total)
            {
                writer.WriteLine();
            }
        }
    }
}
