namespace BnnCompiler.Cli.Tests;

/// <summary>Runs bnnc in-process and captures its exit code, standard output and standard error.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Asserts a diagnostic exit: code 2, the message on stderr, and no stack trace.</summary>
    public void ShouldFailWith(string code, params string[] fragments)
    {
        Assert.Equal(2, ExitCode);
        Assert.Contains($"error {code}:", Error);
        foreach (var f in fragments)
        {
            Assert.Contains(f, Error);
        }

        Assert.DoesNotContain("   at ", Error);
        Assert.DoesNotContain("Exception", Error);
    }
}
