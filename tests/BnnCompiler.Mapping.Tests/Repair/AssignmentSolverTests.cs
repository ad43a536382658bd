using BnnCompiler.Core.Randomness;
using BnnCompiler.Mapping.Repair;

namespace BnnCompiler.Mapping.Tests.Repair;

/// <summary>The Hungarian solver against exhaustive search over every assignment of small random matrices.</summary>
public sealed class AssignmentSolverTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(4, 6)]
    [InlineData(6, 6)]
    [InlineData(5, 8)]
    public void Should_Find_The_Least_Total_Cost_That_Exhaustive_Search_Finds(int workers, int jobs)
    {
        var random = new SplitMix64((ulong)(1234 + (workers * 31) + jobs));
        for (var round = 0; round < 40; round++)
        {
            var cost = new long[workers * jobs];
            for (var i = 0; i < cost.Length; i++)
            {
                cost[i] = (long)(random.NextDouble() * (round % 2 == 0 ? 5 : 1000));  // many ties in even rounds
            }

            var assignment = AssignmentSolver.Solve(cost, workers, jobs);
            Assert.Equal(workers, assignment.Distinct().Count());
            Assert.All(assignment, j => Assert.InRange(j, 0, jobs - 1));
            Assert.Equal(BruteForce(cost, workers, jobs), AssignmentSolver.Total(cost, jobs, assignment));
        }
    }

    [Fact]
    public void Should_Solve_A_Hand_Computed_Case()
    {
        // Worker 0 is cheapest on job 1, worker 1 on job 1 too, but 0 loses less by moving to job 0 (4 + 1 < 2 + 7).
        long[] cost =
        [
            4, 2, 9,
            7, 1, 8,
        ];
        Assert.Equal([0, 1], AssignmentSolver.Solve(cost, 2, 3));
    }

    private static long BruteForce(long[] cost, int workers, int jobs)
    {
        var best = long.MaxValue;
        var used = new bool[jobs];
        void Search(int worker, long sum)
        {
            if (sum >= best)
            {
                return;
            }

            if (worker == workers)
            {
                best = sum;
                return;
            }

            for (var j = 0; j < jobs; j++)
            {
                if (!used[j])
                {
                    used[j] = true;
                    Search(worker + 1, sum + cost[(worker * jobs) + j]);
                    used[j] = false;
                }
            }
        }

        Search(0, 0);
        return best;
    }
}
