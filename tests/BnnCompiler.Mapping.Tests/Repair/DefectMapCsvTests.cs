using BnnCompiler.Core.Diagnostics;
using BnnCompiler.Mapping.Defects;

namespace BnnCompiler.Mapping.Tests.Repair;

/// <summary>The defect map file: round trip, and a diagnostic naming the file and line for every malformed line.</summary>
public sealed class DefectMapCsvTests
{
    [Fact]
    public void Should_Read_Back_What_It_Wrote()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bnnc-defects-{Guid.NewGuid():N}.csv");
        try
        {
            var map = new DefectMap([new DefectEntry(0, 1, 2, 3, 4, StuckState.On), new DefectEntry(5, 0, 0, 127, 0, StuckState.Off)]);
            DefectMapCsv.Write(path, map, "a test map");
            var read = DefectMapCsv.Read(path);
            Assert.Equal(map.Entries.Select(e => (e.Tile, e.Pe, e.Subarray, e.Row, e.Column, e.State)),
                read.Entries.Select(e => (e.Tile, e.Pe, e.Subarray, e.Row, e.Column, e.State)));
            Assert.Equal([3, 4], read.Entries.Select(e => e.Line));  // one comment line, the header, then the cells
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("", null, "empty")]
    [InlineData("row,column\n", 1, "header")]
    [InlineData("tile,pe,subarray,row,column,state\n0,0,0,1,2\n", 2, "6")]
    [InlineData("tile,pe,subarray,row,column,state\n0,0,0,-1,2,stuck_on\n", 2, "row '-1'")]
    [InlineData("tile,pe,subarray,row,column,state\n0,0,0,1,x,stuck_on\n", 2, "column 'x'")]
    [InlineData("# comment\ntile,pe,subarray,row,column,state\n0,0,0,1,2,stuck_at_1\n", 3, "stuck_on, stuck_off")]
    [InlineData("tile,pe,subarray,row,column,state\n0,0,0,1,2,stuck_on\n0,0,0,1,2,stuck_off\n", 3, "twice")]
    public void Should_Refuse_A_Malformed_File_Naming_The_Line(string text, int? line, string says)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bnnc-defects-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        try
        {
            var e = Assert.Throws<DiagnosticException>(() => DefectMapCsv.Read(path));
            var d = Assert.Single(e.Diagnostics);
            Assert.Equal(MappingCodes.BadDefectMap, d.Code);
            Assert.Equal(path, d.Location!.File);
            Assert.Equal(line, d.Location.Line);
            Assert.Contains(says, d.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_Refuse_A_Missing_File()
    {
        var e = Assert.Throws<DiagnosticException>(() => DefectMapCsv.Read("/nonexistent/defects.csv"));
        Assert.Equal(MappingCodes.BadDefectMap, e.Diagnostics[0].Code);
    }

    [Theory]
    [InlineData(99, 0, 0, 0, 0, "tile 99")]
    [InlineData(0, 0, 0, 128, 0, "row 128")]
    [InlineData(0, 0, 0, 0, 130, "column 130")]
    public void Should_Refuse_A_Cell_The_Chip_Does_Not_Have(int tile, int pe, int subarray, int row, int column, string says)
    {
        var mapping = CrossbarMapper.Map(TestGraphs.ConvChain(1, 1, 8, (8, 3, 1, 1)), Specs.Default());
        var map = new DefectMap([new DefectEntry(tile, pe, subarray, row, column, StuckState.On) { Line = 7 }]);
        var e = Assert.Throws<DiagnosticException>(() => map.CheckAgainst(mapping, "chip.csv"));
        Assert.Equal(MappingCodes.DefectOutsideChip, e.Diagnostics[0].Code);
        Assert.Equal(7, e.Diagnostics[0].Location!.Line);
        Assert.Contains(says, e.Diagnostics[0].Message, StringComparison.Ordinal);
        map = new DefectMap([new DefectEntry(0, 0, 0, 129, 0, StuckState.On)]);
        map.CheckAgainst(CrossbarMapper.Map(TestGraphs.ConvChain(1, 1, 8, (8, 3, 1, 1)), Specs.Default("subarray.spare_rows=2")), "chip.csv");
    }
}
