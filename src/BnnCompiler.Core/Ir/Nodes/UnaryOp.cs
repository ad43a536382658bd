namespace BnnCompiler.Core.Ir.Nodes;

/// <summary>One-operand elementwise operations.</summary>
public enum UnaryOp
{
    Identity,
    Relu,
    Sign,
    Neg,
    Abs,
    Sqrt,
    Reciprocal,
    Floor,
    Truncate,
    Ceil,
    Round,
    Not,
    Tanh,
    Sigmoid,
    Exp,
    Log,
    Clip,
    Softmax,
    LogSoftmax,
}
