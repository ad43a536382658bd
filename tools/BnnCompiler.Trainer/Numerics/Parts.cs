namespace BnnCompiler.Trainer.Numerics;

/// <summary>
/// The fixed partition of a batch over the cores. The number of parts is a constant (not the machine's core
/// count), every part always gets the same contiguous range, and partial sums are added in part order, so a
/// run gives the same bits whatever the thread timing and on any machine.
/// </summary>
internal static class Parts
{
    /// <summary>Number of parts a batch is split into (the project's machines have two cores).</summary>
    public const int Count = 2;

    /// <summary>Half-open range of part <paramref name="part"/> of <paramref name="n"/> items.</summary>
    public static (int Start, int End) Range(int n, int part) => ((int)((long)n * part / Count), (int)((long)n * (part + 1) / Count));

    /// <summary>Runs <paramref name="body"/>(start, end, part) for every part, part 0 on a pool thread, the last on the caller.</summary>
    public static void For(int n, Action<int, int, int> body)
    {
        if (n < 2 || !Parallel)
        {
            for (var p = 0; p < Count; p++)
            {
                var (s, e) = Range(n, p);
                body(s, e, p);
            }

            return;
        }

        var tasks = new Task[Count - 1];
        for (var p = 0; p < Count - 1; p++)
        {
            var part = p;
            var (s, e) = Range(n, part);
            tasks[p] = Task.Factory.StartNew(() => body(s, e, part), CancellationToken.None,
                TaskCreationOptions.None, TaskScheduler.Default);
        }

        var (ls, le) = Range(n, Count - 1);
        body(ls, le, Count - 1);
        Task.WaitAll(tasks);
    }

    /// <summary>Runs the parts one after another on the caller's thread (same results, for comparison).</summary>
    public static bool Parallel { get; set; } = true;
}
