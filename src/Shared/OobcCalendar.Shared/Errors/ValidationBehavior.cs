using FluentValidation;
using Mediator;

namespace OobcCalendar.Shared.Errors;

/// <summary>
/// Runs every FluentValidation validator of a message before its handler, so no handler sees invalid
/// input and no invalid input changes anything.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <inheritdoc />
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        Dictionary<string, string[]>? errors = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            if (result.IsValid)
            {
                continue;
            }

            errors ??= [];
            foreach (var group in result.Errors.GroupBy(e => e.PropertyName))
            {
                errors[group.Key] = [.. errors.GetValueOrDefault(group.Key, []), .. group.Select(e => e.ErrorMessage)];
            }
        }

        if (errors is not null)
        {
            throw new InputValidationException(errors);
        }

        return await next(message, cancellationToken);
    }
}
