namespace BnnCompiler.Cli.Cluster;

/// <summary>
/// How a task script starts this same bnnc: the apphost when bnnc runs as one, else the dotnet host with
/// BnnCompiler.Cli.dll (also when bnnc runs inside another program, e.g. a test host).
/// </summary>
public static class BnncInvocation
{
    public static IReadOnlyList<string> Command()
    {
        var cli = typeof(Program).Assembly;
        var process = Environment.ProcessPath ?? "dotnet";
        var hostedByDotnet = Path.GetFileNameWithoutExtension(process) == "dotnet";
        if (!hostedByDotnet && System.Reflection.Assembly.GetEntryAssembly() == cli)
        {
            return [process];
        }

        return [hostedByDotnet ? process : "dotnet", cli.Location];
    }
}
