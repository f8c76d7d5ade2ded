using System;
using VaeProcgen.Contract;

namespace VaeProcgen
{
    /// <summary>
    /// A call that needs another kind of model than the one loaded: a sprite call (RGBA decode, encode, score,
    /// variations) on a tiles model, level generation on a sprite or conditional model, or a class label given to an
    /// unconditional model. The message names the model's kind and what the call needs. Part of the
    /// <see cref="VaeModelException"/> family, so one catch handles every unusable-model error.
    /// </summary>
    public sealed class VaeModelKindException : VaeModelException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">One sentence naming the model's kind and what the call needs.</param>
        /// <param name="modelKind">The kind of the loaded model.</param>
        /// <param name="isConditional">Whether the loaded model is conditional (takes class labels).</param>
        public VaeModelKindException(string message, ModelKind modelKind, bool isConditional) : base(message)
        {
            ModelKind = modelKind;
            IsConditional = isConditional;
        }

        /// <summary>The kind of the loaded model.</summary>
        public ModelKind ModelKind { get; }

        /// <summary>Whether the loaded model is conditional (takes class labels).</summary>
        public bool IsConditional { get; }

        /// <summary>The exception for a call that needs a model of kind <paramref name="needed"/>.</summary>
        internal static VaeModelKindException NeedsKind(ModelContract contract, ModelKind needed, string call) =>
            new VaeModelKindException($"This is a {ContractFormat.FormatKind(contract.Kind)} model; {call} needs a {ContractFormat.FormatKind(needed)} model.", contract.Kind, contract.IsConditional);

        /// <summary>The exception for a class label given to an unconditional model.</summary>
        internal static VaeModelKindException NoLabels(ModelContract contract) =>
            new VaeModelKindException("This model is unconditional and has no class labels; pass no label (VaeModel.NoLabel, or no label span).", contract.Kind, false);
    }
}
