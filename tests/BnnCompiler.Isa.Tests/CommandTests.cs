using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Cli.Commands;
using BnnCompiler.Isa.Compilation;
using BnnCompiler.Isa.Text;

namespace BnnCompiler.Isa.Tests;

/// <summary><c>bnnc compile</c> then <c>bnnc disasm</c>, through the commands' own option parsing.</summary>
public class CommandTests
{
    [Fact]
    public void Should_Disassemble_A_Compiled_File_To_The_Saved_Text()
    {
        // Given TFC compiled for the tiny chip into a file
        var path = Path.Combine(Path.GetTempPath(), $"bnnc-isa-{Environment.ProcessId}-{Guid.NewGuid():N}.bnnp");
        try
        {
            var compiled = Run(CompileCommand.Command, IsaTestModels.TfcPath, "--hw", IsaTestModels.SpecPath("tiny.yaml"), "--set", "readout.adc_type=sar", "-o", path);
            Assert.Contains("4 stages, 4 copy blocks", compiled);

            // When it is disassembled
            var text = Run(DisasmCommand.Command, path);

            // Then the listing is the saved file, and the file holds the program the compiler builds
            var saved = File.ReadAllText(path);
            Assert.Equal(saved, text);
            Assert.StartsWith("bnnc-program 2\n", saved);
            Assert.Equal(ProgramCompiler.Compile(IsaTestModels.Tfc("readout.adc_type=sar")), ProgramReader.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_Require_An_Output_File()
    {
        var e = Assert.Throws<Core.Diagnostics.DiagnosticException>(() => Run(CompileCommand.Command, IsaTestModels.TfcPath, "--hw", IsaTestModels.SpecPath("tiny.yaml")));
        Assert.Contains("-o FILE is required", e.Message);
    }

    private static string Run(CliCommand command, params string[] args)
    {
        var parsed = ArgumentParser.Parse(command.Name, args, command.Options, command.MaxPositionals);
        using var output = new StringWriter();
        Assert.Equal(0, command.Run(parsed, output));
        return output.ToString();
    }
}
