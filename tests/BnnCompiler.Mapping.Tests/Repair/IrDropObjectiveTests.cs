using BnnCompiler.Hardware;
using BnnCompiler.Mapping.Cells;
using BnnCompiler.Mapping.Defects;
using BnnCompiler.Mapping.Repair;

namespace BnnCompiler.Mapping.Tests.Repair;

/// <summary>
/// The IR-drop placement objective on hand-made subarrays (pair in rows): with the same weight errors, used columns
/// sit nearest the row drivers (slot 0 on) and used rows nearest the sense amplifiers (the last physical row), and a
/// column window keeps used columns off the far array slots.
/// </summary>
public sealed class IrDropObjectiveTests
{
    // 16 rows × 8 columns of cells: 8 weight rows × 8 weight columns; the block uses weight rows 0..2 and columns 0..1.
    private static readonly CellGeometry Geometry = new(WeightMappingMode.TwoCellsParallel, PairLayout.Rows, 16, 8);

    private static CellState[] Block(int weightRows, int weightColumns)
    {
        var states = new CellState[Geometry.Rows * Geometry.Columns];
        for (var r = 0; r < weightRows; r++)
        {
            for (var c = 0; c < weightColumns; c++)
            {
                var positive = ((r + c) % 2) == 0;
                states[(2 * r * Geometry.Columns) + c] = positive ? CellState.On : CellState.Off;
                states[(((2 * r) + 1) * Geometry.Columns) + c] = positive ? CellState.Off : CellState.On;
            }
        }

        return states;
    }

    [Fact]
    public void Should_Move_A_Healthy_Blocks_Rows_Next_To_The_Sense_Amplifiers_Under_IR_Drop()
    {
        // No stuck cells: without IR drop the naive mapping stays (rows 0..5, the far end of the columns); with it the six
        // used rows take the six physical rows nearest the sense amplifiers (spares 16, 17 included), columns stay at 0, 1.
        var logical = Block(3, 2);
        var defects = HandDefects.Subarray(18, 8);
        var plain = RepairPlanner.Plan(new RepairProblem(Geometry, logical, defects, useSpares: true), RepairMode.MapSpares, 18, 8).Plan;
        Assert.Equal([0, 1, 2, 3, 4, 5], plain.RowOf[..6]);
        var problem = new RepairProblem(Geometry, logical, defects, useSpares: true) { IrDropAware = true };
        var (plan, counts) = RepairPlanner.Plan(problem, RepairMode.MapSpares, 18, 8);
        Assert.Equal(0, counts.RepairedErrors);
        Assert.Equal([12, 13, 14, 15, 16, 17], plan.RowOf[..6].Order());
        Assert.Equal([0, 1], plan.SlotOf[..2].Order());
    }

    [Fact]
    public void Should_Take_The_Nearest_Healthy_Slot_Under_IR_Drop()
    {
        // Physical column 0 is stuck off from top to bottom: every pair placed there has its On cell stuck off, in either
        // encoding and on any rows. Under IR drop the two used columns take slots 1 and 2, the nearest healthy ones.
        var logical = Block(3, 2);
        var defects = HandDefects.Subarray(16, 8, [.. Enumerable.Range(0, 16).Select(r => (r, 0, StuckState.Off))]);
        var problem = new RepairProblem(Geometry, logical, defects, useSpares: false) { IrDropAware = true };
        var (plan, counts) = RepairPlanner.Plan(problem, RepairMode.Map, 16, 8);
        Assert.Equal(3, counts.NaiveErrors);
        Assert.Equal(0, counts.RepairedErrors);
        Assert.Equal([1, 2], plan.SlotOf[..2].Order());
    }

    [Fact]
    public void Should_Keep_Used_Columns_In_The_Window_Or_On_Spares()
    {
        // Window of 2 slots: physical column 1 is stuck off from top to bottom; slots 2..7 are healthy but beyond the window,
        // so the column that cannot stay in slot 0 goes to the healthy spare slot 8 (an error outweighs any distance).
        var logical = Block(3, 2);
        var defects = HandDefects.Subarray(16, 9, [.. Enumerable.Range(0, 16).Select(r => (r, 1, StuckState.Off))]);
        var problem = new RepairProblem(Geometry, logical, defects, useSpares: true) { IrDropAware = true, ColumnWindow = 2 };
        var (plan, counts) = RepairPlanner.Plan(problem, RepairMode.MapSpares, 16, 9);
        Assert.Equal(0, counts.RepairedErrors);
        Assert.Equal([0, 8], plan.SlotOf[..2].Order());
    }

    [Fact]
    public void Should_Never_Leave_More_Errors_Than_The_Naive_Mapping_With_The_IR_Drop_Objective()
    {
        var random = new Core.Randomness.SplitMix64(11);
        for (var round = 0; round < 20; round++)
        {
            var logical = Block(1 + (round % 8), 1 + (round % 4));
            var cells = new StuckState[18 * 10];
            for (var i = 0; i < cells.Length; i++)
            {
                var u = random.NextDouble();
                cells[i] = u < 0.09 ? StuckState.On : u < 0.11 ? StuckState.Off : StuckState.None;
            }

            var problem = new RepairProblem(Geometry, logical, new SubarrayDefects(18, 10, cells), useSpares: true) { IrDropAware = true, ColumnWindow = 4 };
            var (plan, counts) = RepairPlanner.Plan(problem, RepairMode.MapSpares, 18, 10);
            Assert.True(counts.RepairedErrors <= counts.NaiveErrors);
            Assert.Equal(counts.RepairedErrors, problem.Errors(plan));
            Assert.Equal(16, plan.RowOf.Distinct().Count());
            Assert.Equal(8, plan.SlotOf.Distinct().Count());
            Assert.All(plan.SlotOf[..(1 + (round % 4))], s => Assert.True(s < 4 || s >= 8, $"slot {s}"));
        }
    }
}
