using System.Diagnostics;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>
/// <c>dotnet pack</c> of the CLI gives the <c>bnnc</c> tool package; installed into a temporary tool path and run
/// from a folder outside the repository, it prints the version and prices the shipped models (its default model
/// and spec found beside the program) exactly as bnnc does in-process, and evaluates the default model on the
/// shipped data through its packed ONNX Runtime; its bash completion script completes options and choices.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _dir = Directory.CreateTempSubdirectory("bnnc-tool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_Install_As_A_Dotnet_Tool_That_Finds_Its_Shipped_Files()
    {
        var packages = Path.Combine(_dir, "packages");
        var toolPath = Path.Combine(_dir, "tools");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_dir, "elsewhere")).FullName;
        var version = CommandTree.Version.Split('+')[0];
        Dotnet(RepoPaths.Root, "pack", RepoPaths.Repo("src/BnnCompiler.Cli"), "-c", Configuration, "--no-build", "-o", packages,
            $"-p:PublishDir={Path.Combine(_dir, "publish")}/");
        Assert.True(File.Exists(Path.Combine(packages, $"bnnc.{version}.nupkg")), $"no bnnc.{version}.nupkg in {packages}");
        Dotnet(elsewhere, "tool", "install", "--tool-path", toolPath, "--add-source", packages, "--ignore-failed-sources", "bnnc", "--version", version);
        var bnnc = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "bnnc.exe" : "bnnc");

        Assert.Equal(CommandTree.Version, Run(elsewhere, bnnc, "--version").Trim());

        var mlp = RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-mlp.onnx"));
        Assert.Equal(CliRun.Of("cost", mlp).Output, Run(elsewhere, bnnc, "cost", mlp));

        var defaultModel = RepoPaths.Require(RepoPaths.Repo("onnx-models/fmnist-cnn.onnx"));
        Assert.Equal(CliRun.Of("cost", defaultModel).Output, Run(elsewhere, bnnc, "cost"));

        var installed = Run(elsewhere, bnnc, "evaluate", "--limit", "40");
        Assert.Contains(Path.Combine(".store", "bnnc"), installed);  // the default model and spec came from the tool's folder
        var inProcess = CliRun.Of("evaluate", defaultModel, "--limit", "40").Output;
        foreach (var figure in new[] { "ONNX Runtime top-1", "simulated top-1", "agreement", "one image end to end" })
        {
            Assert.Equal(Line(inProcess, figure), Line(installed, figure));
        }

        if (File.Exists("/bin/bash"))
        {
            // The bash completion script, sourced in a shell that finds the installed bnnc on PATH.
            const string Script = """
                source <(bnnc completion bash)
                for line in "bnnc cost --lat" "bnnc cost --latency " "bnnc ev"; do
                  COMP_LINE="$line"; COMP_POINT=${#COMP_LINE}; _bnnc_complete; echo "[${COMPREPLY[*]}]"
                done
                """;
            var completed = RunIn(elsewhere, "/bin/bash", ("PATH", toolPath + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH")), "-c", Script);
            Assert.Equal(["[--latency]", "[analytical engine]", "[evaluate]"], completed.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    private static string Line(string text, string start) => text.Split('\n').Single(l => l.StartsWith(start, StringComparison.Ordinal));

    private static void Dotnet(string workingDirectory, params string[] args) =>
        Run(workingDirectory, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet", args);

    private static string Run(string workingDirectory, string program, params string[] args) => RunIn(workingDirectory, program, null, args);

    private static string RunIn(string workingDirectory, string program, (string Name, string Value)? variable, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        if (variable is { } v)
        {
            start.Environment[v.Name] = v.Value;
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // The test host's MSBuild settings must not leak into the nested SDK commands.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath)
        {
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(hostPath);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), $"{program} {string.Join(' ', args)} did not finish");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}\n{error.Result}");
        return output;
    }
}
