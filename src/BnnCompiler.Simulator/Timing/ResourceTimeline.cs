namespace BnnCompiler.Simulator.Timing;

/// <summary>
/// The busy intervals of one resource instance, sorted and merged. <see cref="Reserve"/> gives an instruction the
/// earliest free slot at or after the time its inputs are ready (not merely after the last reservation), so a later
/// pixel's work can use a gap an earlier pixel left: the resource is arbitrated in time order, not issue order.
/// </summary>
internal sealed class ResourceTimeline
{
    private readonly List<long> _starts = [];
    private readonly List<long> _ends = [];

    /// <summary>Reserves <paramref name="length"/> cycles starting no earlier than <paramref name="ready"/>; returns the start.</summary>
    public long Reserve(long ready, long length)
    {
        if (length <= 0)
        {
            return ready;
        }

        var n = _starts.Count;
        if (n == 0 || ready >= _ends[n - 1])
        {
            Insert(n, ready, ready + length);
            return ready;
        }

        // First interval that ends after ready; the one before it (if any) ends at or before ready.
        int lo = 0, hi = n;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_ends[mid] > ready)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var i = lo;
        var t = ready;
        while (i < n && _starts[i] < t + length)
        {
            t = Math.Max(t, _ends[i]);
            i++;
        }

        Insert(i, t, t + length);
        return t;
    }

    private void Insert(int i, long start, long end)
    {
        var joinsLeft = i > 0 && _ends[i - 1] == start;
        var joinsRight = i < _starts.Count && _starts[i] == end;
        if (joinsLeft && joinsRight)
        {
            _ends[i - 1] = _ends[i];
            _starts.RemoveAt(i);
            _ends.RemoveAt(i);
        }
        else if (joinsLeft)
        {
            _ends[i - 1] = end;
        }
        else if (joinsRight)
        {
            _starts[i] = start;
        }
        else
        {
            _starts.Insert(i, start);
            _ends.Insert(i, end);
        }
    }
}
