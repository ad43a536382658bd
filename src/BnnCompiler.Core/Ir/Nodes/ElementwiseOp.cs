namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>Two-operand elementwise operations with NumPy broadcasting; comparisons yield 1 or 0.</summary>
public enum ElementwiseOp
{
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Max,
    Min,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Equal,
    And,
    Or,
}
