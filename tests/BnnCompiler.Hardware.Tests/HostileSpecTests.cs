using System.Text;
using static BnnCompiler.Hardware.Tests.TestSupport;

namespace BnnCompiler.Hardware.Tests;

/// <summary>
/// Specs built to exhaust the reader: deep nesting (which once overflowed the stack), oversized files, and alias
/// chains; each is a BNN2011 or BNN2002 diagnostic with its position, found before the document is built.
/// </summary>
public class HostileSpecTests
{
    [Fact]
    public void Should_Refuse_A_Spec_Nested_100000_Levels_Deep()
    {
        var yaml = "version: 1\nsubarray: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var d = Assert.Single(Diagnostics(yaml));
        Assert.Equal(HardwareSpecCodes.TooLarge, d.Code);
        Assert.Equal($"x.yaml(2,{11 + HardwareSpecLoader.MaxSpecDepth - 1}): error BNN2011: mappings and sequences nest deeper than 32 levels here; a hardware spec nests at most 3", d.ToString());
    }

    [Fact]
    public void Should_Refuse_Deep_Block_Nesting_At_The_Level_Past_The_Cap()
    {
        var sb = new StringBuilder("version: 1\n");
        for (var level = 0; level <= HardwareSpecLoader.MaxSpecDepth; level++)
        {
            sb.Append(' ', level).Append("k").Append(level).Append(":\n");
        }

        sb.Append(' ', HardwareSpecLoader.MaxSpecDepth + 1).Append("leaf: 1\n");
        var d = Assert.Single(Diagnostics(sb.ToString()));
        Assert.Equal(HardwareSpecCodes.TooLarge, d.Code);
    }

    [Fact]
    public void Should_Accept_Nesting_Up_To_The_Cap_And_Report_The_Keys_Instead()
    {
        var yaml = "version: 1\nsubarray: " + new string('[', HardwareSpecLoader.MaxSpecDepth - 1) + new string(']', HardwareSpecLoader.MaxSpecDepth - 1) + "\n";
        var d = Assert.Single(Diagnostics(yaml));
        Assert.Equal(HardwareSpecCodes.WrongType, d.Code);
    }

    [Fact]
    public void Should_Refuse_Text_Above_The_Size_Cap_Before_Parsing()
    {
        var yaml = "version: 1\n" + string.Concat(Enumerable.Repeat("# padding comment line of sixty characters, nothing more.\n", 20_000));
        var d = Assert.Single(Diagnostics(yaml));
        Assert.Equal($"x.yaml: error BNN2011: the spec text is {yaml.Length:N0} characters; a hardware spec is at most 1,048,576", d.ToString());
    }

    [Fact]
    public void Should_Refuse_A_File_Above_The_Size_Cap_Before_Reading_It()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bnnc-big-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var stream = File.Create(path))
            {
                stream.SetLength(HardwareSpecLoader.MaxSpecBytes + 1);
            }

            var e = Assert.Throws<Core.Diagnostics.DiagnosticException>(() => HardwareSpecLoader.Load(path, []));
            Assert.Equal($"{path}: error BNN2011: the spec file is 1,048,577 bytes; a hardware spec is at most 1,048,576 bytes", Assert.Single(e.Diagnostics).ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_Read_An_Alias_Chain_Without_Expanding_It()
    {
        // Each level names the previous one nine times: expanded, the last would hold 9^20 leaves.
        var sb = new StringBuilder("version: 1\na0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9]\n");
        for (var i = 1; i <= 20; i++)
        {
            sb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        var errors = Diagnostics(sb.ToString());
        Assert.Equal(21, errors.Count);
        Assert.All(errors, d => Assert.Equal(HardwareSpecCodes.UnknownKey, d.Code));
    }
}
