using static BnnCompiler.Hardware.Tests.TestSupport;

namespace BnnCompiler.Hardware.Tests;

public class SchemaTests
{
    [Fact]
    public void Should_Give_Every_Key_A_Description_And_A_Default_Within_Its_Range()
    {
        Assert.All(HardwareSpecSchema.Fields, field =>
        {
            Assert.False(string.IsNullOrWhiteSpace(field.Description), field.Path);
            Assert.DoesNotContain('\n', field.Description);
            if (field.IsOptional || field.Path == "version")
            {
                return;
            }

            // The default, written as YAML and parsed again, is accepted by the key itself
            var spec = Parse($"version: 1\n", $"{field.Path}={field.DefaultText}");
            if (field.Default is not null)
            {
                Assert.Equal(field.Default, field.ValueIn(spec));
            }
        });
    }

    [Fact]
    public void Should_Have_Unique_Keys_In_Contiguous_Sections()
    {
        var paths = HardwareSpecSchema.Fields.Select(f => f.Path).ToList();
        Assert.Equal(paths.Count, paths.Distinct().Count());

        // The keys of every section (at any depth) follow one another, so that the writer opens each section once
        Assert.All(HardwareSpecSchema.Sections, section =>
        {
            var indices = paths.Select((path, i) => (path, i)).Where(p => p.path.StartsWith(section + ".", StringComparison.Ordinal)).Select(p => p.i).ToList();
            Assert.Equal(indices.Count - 1, indices[^1] - indices[0]);
        });
    }

    [Fact]
    public void Should_Describe_The_Mapping_Geometry_Of_Each_Weight_Mode()
    {
        var parallel = Parse("version: 1\n");
        var sequential = Parse("version: 1\n", "weights.mapping=two_cells_sequential");
        var columns = Parse("version: 1\n", "weights.pair_layout=columns");
        var reference = Parse("version: 1\n", "weights.mapping=one_cell_reference");

        Assert.Equal((64, 128, 8), (parallel.WeightRowsPerSubarray, parallel.WeightColumnsPerSubarray, parallel.SensingCyclesPerInputBit));
        Assert.Equal((64, 128, 16), (sequential.WeightRowsPerSubarray, sequential.WeightColumnsPerSubarray, sequential.SensingCyclesPerInputBit));
        Assert.Equal((128, 64, 8), (columns.WeightRowsPerSubarray, columns.WeightColumnsPerSubarray, columns.SensingCyclesPerInputBit));
        Assert.Equal((128, 127, 8), (reference.WeightRowsPerSubarray, reference.WeightColumnsPerSubarray, reference.SensingCyclesPerInputBit));
        Assert.Equal(16, parallel.AdcsPerSubarray);
        Assert.Equal(32, parallel.Readout.AdcLevels);
    }

    [Theory]
    [InlineData("rws", "rows")]
    [InlineData("colums", "columns")]
    [InlineData("paralel_rows", "parallel_rows")]
    [InlineData("xyz", null)]
    public void Should_Suggest_The_Nearest_Word(string word, string? expected)
    {
        Assert.Equal(expected, EditDistanceProbe.Nearest(word, ["rows", "columns", "parallel_rows"]));
    }
}

/// <summary>Reaches the internal edit distance through a public path: an unknown key's suggestion.</summary>
internal static class EditDistanceProbe
{
    public static string? Nearest(string word, string[] candidates)
    {
        var diagnostics = Diagnostics($"version: 1\nsubarray:\n  {word}: 1\n");
        var message = Assert.Single(diagnostics).Message;
        var marker = "did you mean subarray.";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var suggestion = message[(at + marker.Length)..message.IndexOf('?', at)];
        Assert.Contains(suggestion, candidates);
        return suggestion;
    }
}
