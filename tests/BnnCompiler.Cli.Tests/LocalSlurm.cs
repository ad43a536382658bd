using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// A one-node Slurm cluster (munged, slurmctld, slurmd) in a temporary folder, started with tools/slurm-local.sh
/// on two free ports and stopped, with the folder deleted, on dispose. Fails with the reason when Slurm is not
/// installed or does not come up; never skips.
/// </summary>
internal sealed class LocalSlurm : IDisposable
{
    private static readonly string Script = RepoPaths.Repo("tools/slurm-local.sh");

    private LocalSlurm(string directory) => Directory = directory;

    public string Directory { get; }

    public string Conf => Path.Combine(Directory, "slurm.conf");

    public static LocalSlurm Start()
    {
        var missing = new[] { "munged", "slurmctld", "slurmd", "sbatch", "squeue", "scancel" }.Where(t => !OnPath(t)).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail($"Slurm is not installed ({string.Join(", ", missing)} not found): this test needs Debian's munge, slurmctld, slurmd and slurm-client, which tools/test.sh installs");
        }

        var slurm = new LocalSlurm(System.IO.Directory.CreateTempSubdirectory("bnnc-slurm-").FullName);
        var start = slurm.Run("bash", Script, "start", slurm.Directory, FreePort(), FreePort());
        if (start.ExitCode != 0)
        {
            slurm.Dispose();
            Assert.Fail($"could not start a one-node Slurm with tools/slurm-local.sh:\n{start.Output}\n{start.Error}");
        }

        return slurm;
    }

    /// <summary>Runs a program with SLURM_CONF pointing at this cluster.</summary>
    public CliRun Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["SLURM_CONF"] = Conf;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Waits until Slurm holds no pending or running task of the job; fails after the timeout.</summary>
    public void WaitForJob(string job, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var queue = Run("squeue", "-h", "-r", "-j", job, "-o", "%i %T");
            if (queue.ExitCode == 0 && queue.Output.Trim().Length == 0)
            {
                return;
            }

            Thread.Sleep(500);
        }

        Assert.Fail($"job {job} still queued after {timeout.TotalSeconds} s: {Run("squeue", "-r").Output}");
    }

    public void Dispose()
    {
        Run("bash", Script, "stop", Directory);
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Append("/usr/sbin").Any(d => File.Exists(Path.Combine(d, tool)));

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
