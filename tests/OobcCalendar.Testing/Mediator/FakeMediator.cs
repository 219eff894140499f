using System.Reflection;
using Mediator;

namespace OobcCalendar.Testing;

/// <summary>
/// An <see cref="IMediator"/> answering each request type with a function the test gives (the real one is
/// source-generated in the host). Requests it was not told about fail the test; <see cref="Sent"/> records every one.
/// </summary>
public class FakeMediator : DispatchProxy
{
    private readonly Dictionary<Type, Func<object, object?>> answers = [];

    public List<object> Sent { get; } = [];

    public static (IMediator Mediator, FakeMediator Fake) Create()
    {
        var proxy = DispatchProxy.Create<IMediator, FakeMediator>();
        return (proxy, (FakeMediator)(object)proxy);
    }

    public FakeMediator Answer<TRequest>(Func<TRequest, object?> answer)
    {
        answers[typeof(TRequest)] = request => answer((TRequest)request);
        return this;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var request = args![0]!;
        Sent.Add(request);
        if (!answers.TryGetValue(request.GetType(), out var answer))
        {
            throw new InvalidOperationException($"The test gave no answer for {request.GetType().Name}.");
        }

        var returnType = targetMethod!.ReturnType;
        try
        {
            var result = answer(request);
            return returnType.IsGenericType ? Activator.CreateInstance(returnType, result) : default(ValueTask);
        }
        catch (Exception ex) when (ex is not InvalidOperationException)
        {
            // Handlers fail asynchronously; so does this.
            var faulted = typeof(Task).GetMethod(nameof(Task.FromException), 1, [typeof(Exception)])!
                .MakeGenericMethod(returnType.IsGenericType ? returnType.GenericTypeArguments[0] : typeof(Unit)).Invoke(null, [ex])!;
            return returnType.IsGenericType ? Activator.CreateInstance(returnType, faulted) : new ValueTask((Task)faulted);
        }
    }
}
