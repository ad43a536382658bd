using System.ComponentModel;
using System.Diagnostics;

namespace BnnCompiler.Cli.Cluster;

/// <summary>The exit code and output of a program bnnc ran (sbatch, squeue, sacct), or null when it is not installed.</summary>
public sealed record ExternalCommand(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <paramref name="program"/> with the arguments, waiting at most <paramref name="timeoutS"/> seconds.</summary>
    public static ExternalCommand? Run(string program, IEnumerable<string> arguments, int timeoutS = 60)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception($"{program} did not start");
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutS * 1000))
            {
                process.Kill(entireProcessTree: true);
                return new ExternalCommand(-1, output.Result, $"{program} did not answer within {timeoutS} s");
            }

            return new ExternalCommand(process.ExitCode, output.Result, error.Result);
        }
    }
}
