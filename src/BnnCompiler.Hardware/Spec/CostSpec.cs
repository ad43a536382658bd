namespace BnnCompiler.Hardware;

/// <summary>Cost-model choices (<c>cost.*</c>).</summary>
public sealed record CostSpec
{
    /// <summary>The accounting <c>bnnc cost</c> prices with (<c>cost.accounting</c>).</summary>
    public CostAccounting Accounting { get; init; } = CostAccounting.Physical;

    public static CostSpec Default { get; } = new();
}
