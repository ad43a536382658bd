using BnnCompiler.Hardware;
using BnnCompiler.Mapping.Cells;
using BnnCompiler.Mapping.Defects;
using BnnCompiler.Mapping.Repair;

namespace BnnCompiler.Mapping.Tests.Repair;

/// <summary>Each repair pass on hand-made 4×4 (pair in rows: 2 weight rows × 4 columns) subarrays with known stuck cells.</summary>
public sealed class RepairPassTests
{
    private static readonly CellGeometry Rows4 = new(WeightMappingMode.TwoCellsParallel, PairLayout.Rows, 4, 4);

    // Weights [row][column]: row 0 = + + - -, row 1 = + - + -. Geometry rows 0/1 hold weight row 0 (positive, negative),
    // rows 2/3 weight row 1.
    private static CellState[] Logical()
    {
        sbyte[,] w = { { 1, 1, -1, -1 }, { 1, -1, 1, -1 } };
        var states = new CellState[16];
        for (var r = 0; r < 2; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                states[(2 * r * 4) + c] = w[r, c] > 0 ? CellState.On : CellState.Off;
                states[(((2 * r) + 1) * 4) + c] = w[r, c] > 0 ? CellState.Off : CellState.On;
            }
        }

        return states;
    }

    [Fact]
    public void Should_Count_Only_Stuck_Cells_Of_The_Other_State_As_Errors()
    {
        // (0,0) is On and stuck on: harmless; (0,2) is Off and stuck on: error; (1,0) is Off and stuck off: harmless.
        var problem = new RepairProblem(Rows4, Logical(), HandDefects.Subarray(4, 4, (0, 0, StuckState.On), (0, 2, StuckState.On), (1, 0, StuckState.Off)), useSpares: false);
        Assert.Equal(1, problem.Errors(SubarrayRepair.Identity(Rows4, 4, 4)));
    }

    [Fact]
    public void Should_Move_A_Row_Onto_The_Spare_Row_That_Holds_It()
    {
        // Physical row 0 has every cell stuck off: the positive row of weight row 0 (On, On, Off, Off) loses two cells.
        // A spare row (row 4) is healthy: the row pass moves geometry row 0 there.
        var defects = HandDefects.Subarray(5, 4, (0, 0, StuckState.Off), (0, 1, StuckState.Off), (0, 2, StuckState.Off), (0, 3, StuckState.Off));
        var problem = new RepairProblem(Rows4, Logical(), defects, useSpares: true);
        var naive = SubarrayRepair.Identity(Rows4, 5, 4);
        Assert.Equal(2, problem.Errors(naive));
        var moved = RowPermutationPass.Apply(problem, naive);
        Assert.Equal(0, problem.Errors(moved));
        Assert.NotEqual(0, moved.RowOf[0]);
        Assert.Equal(4, moved.RowOf.Distinct().Count());
    }

    [Fact]
    public void Should_Swap_A_Pairs_Rows_When_The_Stuck_Cells_Fit_The_Complement()
    {
        // Row 0 stuck exactly as the negative row of weight row 0 wants (Off Off On On), row 1 as the positive row wants:
        // no spare, but swapping the pair's two rows (input bit on row 1, complement on row 0) makes both right.
        var defects = HandDefects.Subarray(4, 4,
            (0, 0, StuckState.Off), (0, 1, StuckState.Off), (0, 2, StuckState.On), (0, 3, StuckState.On),
            (1, 0, StuckState.On), (1, 1, StuckState.On), (1, 2, StuckState.Off), (1, 3, StuckState.Off));
        var problem = new RepairProblem(Rows4, Logical(), defects, useSpares: false);
        var naive = SubarrayRepair.Identity(Rows4, 4, 4);
        Assert.Equal(8, problem.Errors(naive));
        var moved = RowPermutationPass.Apply(problem, naive);
        Assert.Equal(0, problem.Errors(moved));
        Assert.Equal([1, 0], moved.RowOf[..2]);
    }

    [Fact]
    public void Should_Leave_A_Slot_No_Encoding_Fits_For_A_Spare_Column_Slot()
    {
        // Both cells of weight row 0's pair in physical column 1 are stuck off: whichever column sits there, and in either
        // encoding, one of the pair's cells must be On, so that slot costs one error. Without spares the column pass can
        // only move the error around; with spare column 4 (healthy) it leaves slot 1 unused.
        var defects = HandDefects.Subarray(4, 5, (0, 1, StuckState.Off), (1, 1, StuckState.Off));
        var naive = SubarrayRepair.Identity(Rows4, 4, 5);
        var without = new RepairProblem(Rows4, Logical(), defects, useSpares: false);
        Assert.Equal(1, without.Errors(naive));
        Assert.Equal(1, without.Errors(PairFlipPass.Apply(without, ColumnAssignmentPass.Apply(without, naive))));
        var with = new RepairProblem(Rows4, Logical(), defects, useSpares: true);
        var assigned = PairFlipPass.Apply(with, ColumnAssignmentPass.Apply(with, naive));
        Assert.Equal(5, assigned.PhysicalSlots);
        Assert.DoesNotContain(1, assigned.SlotOf);
        Assert.Contains(4, assigned.SlotOf);
        Assert.Equal(0, with.Errors(assigned));
        Assert.Equal(4, assigned.SlotColumn(4));
    }

    [Fact]
    public void Should_Flip_A_Column_Whose_Stuck_Cells_Hold_Its_Negation()
    {
        // Column 0 holds +1, +1: cells On, Off, On, Off down the rows. All four are stuck the other way (Off, On, Off, On),
        // which is exactly the column negated: the flip pass stores it negated and the errors vanish.
        var defects = HandDefects.Subarray(4, 4, (0, 0, StuckState.Off), (1, 0, StuckState.On), (2, 0, StuckState.Off), (3, 0, StuckState.On));
        var problem = new RepairProblem(Rows4, Logical(), defects, useSpares: false);
        var naive = SubarrayRepair.Identity(Rows4, 4, 4);
        Assert.Equal(4, problem.Errors(naive));
        var flipped = PairFlipPass.Apply(problem, naive);
        Assert.Equal([true, false, false, false], flipped.Flip);
        Assert.Equal(0, problem.Errors(flipped));
        var placed = flipped.Place(Logical());
        Assert.Equal([CellState.Off, CellState.On, CellState.Off, CellState.On], new[] { placed[0], placed[4], placed[8], placed[12] });
    }

    [Fact]
    public void Should_Never_Leave_More_Errors_Than_The_Naive_Mapping_And_Keep_A_Permutation()
    {
        var random = new Core.Randomness.SplitMix64(7);
        var geometry = new CellGeometry(WeightMappingMode.TwoCellsParallel, PairLayout.Rows, 16, 16);
        for (var round = 0; round < 20; round++)
        {
            var logical = new CellState[16 * 16];
            for (var r = 0; r < 8; r++)
            {
                for (var c = 0; c < 16; c++)
                {
                    var positive = random.NextDouble() < 0.5;
                    logical[(2 * r * 16) + c] = positive ? CellState.On : CellState.Off;
                    logical[(((2 * r) + 1) * 16) + c] = positive ? CellState.Off : CellState.On;
                }
            }

            var cells = new StuckState[18 * 18];
            for (var i = 0; i < cells.Length; i++)
            {
                var u = random.NextDouble();
                cells[i] = u < 0.09 ? StuckState.On : u < 0.11 ? StuckState.Off : StuckState.None;
            }

            var defects = new SubarrayDefects(18, 18, cells);
            foreach (var mode in new[] { RepairMode.Map, RepairMode.MapSpares })
            {
                var problem = new RepairProblem(geometry, logical, defects, mode == RepairMode.MapSpares);
                var (plan, counts) = RepairPlanner.Plan(problem, mode, 18, 18);
                Assert.True(counts.RepairedErrors <= counts.NaiveErrors);
                Assert.Equal(counts.RepairedErrors, problem.Errors(plan));
                Assert.Equal(16, plan.RowOf.Distinct().Count());
                Assert.Equal(16, plan.SlotOf.Distinct().Count());
                Assert.All(plan.RowOf, r => Assert.InRange(r, 0, mode == RepairMode.MapSpares ? 17 : 15));
                Assert.All(plan.SlotOf, s => Assert.InRange(s, 0, mode == RepairMode.MapSpares ? 17 : 15));
            }
        }
    }
}
