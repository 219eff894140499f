using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor;
using OobcCalendar.Shared.Errors;
using Shouldly;

namespace OobcCalendar.Shared.UI.Tests;

public sealed class SubmitTests : MudTestContext
{
    private readonly ListLogger logger = new();

    private ISnackbar Snackbar => Services.GetRequiredService<ISnackbar>();

    private (string Message, Severity Severity)[] Shown => Snackbar.ShownSnackbars.Select(s => (s.Message ?? string.Empty, s.Severity)).ToArray();

    [Fact]
    public async Task RunAsync_WhenTheCommandSucceeds_ThenShowsTheSuccessMessage()
    {
        var result = await Submit.RunAsync(() => Task.CompletedTask, Snackbar, success: "Saved Room A.");

        result.Outcome.ShouldBe(SubmitOutcome.Succeeded);
        result.Succeeded.ShouldBeTrue();
        result.Message.ShouldBeNull();
        Shown.ShouldBe([("Saved Room A.", Severity.Success)]);
    }

    [Fact]
    public async Task RunAsync_WhenValidationFailsAndAFormListens_ThenHandsTheFieldMessagesToItAndShowsTheNotice()
    {
        IReadOnlyDictionary<string, string[]>? handed = null;

        var result = await Submit.RunAsync(
            () => throw Invalid(("Title", "Give the event a title.")), Snackbar, e => handed = e, invalidNotice: "Some fields need another look.");

        result.Outcome.ShouldBe(SubmitOutcome.Invalid);
        result.Message.ShouldBe("Give the event a title.");
        handed.ShouldNotBeNull();
        handed["Title"].ShouldBe(["Give the event a title."]);
        result.FieldErrors["Title"].ShouldBe(["Give the event a title."]);
        Shown.ShouldBe([("Some fields need another look.", Severity.Warning)]);
    }

    [Fact]
    public async Task RunAsync_WhenValidationFailsWithoutANotice_ThenShowsNothingBesideTheFields()
    {
        var result = await Submit.RunAsync(() => throw Invalid(("Reason", "Say why (e.g. Maintenance, Holiday).")), Snackbar, _ => { });

        result.Outcome.ShouldBe(SubmitOutcome.Invalid);
        Shown.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenValidationFailsForTheWholeRequest_ThenShowsThoseMessagesAsAnError()
    {
        var result = await Submit.RunAsync(
            () => throw Invalid(("", "That email address is already used."), ("Email", "Enter an email address.")),
            Snackbar,
            _ => { },
            invalidNotice: "Some fields need another look.");

        result.Outcome.ShouldBe(SubmitOutcome.Invalid);
        Shown.ShouldBe([("That email address is already used.", Severity.Error)]);
    }

    [Fact]
    public async Task RunAsync_WhenValidationFailsAndNoFormListens_ThenShowsAllMessagesAsAnError()
    {
        var result = await Submit.RunAsync(() => throw Invalid(("Name", "Give the resource a name."), ("Capacity", "Rooms need a capacity (seats).")), Snackbar);

        result.Outcome.ShouldBe(SubmitOutcome.Invalid);
        Shown.ShouldBe([("Give the resource a name. Rooms need a capacity (seats).", Severity.Error)]);
    }

    [Theory]
    [InlineData("rule")]
    [InlineData("not-found")]
    [InlineData("forbidden")]
    public async Task RunAsync_WhenTheCommandIsRefused_ThenShowsItsMessageAsAnError(string kind)
    {
        UserFacingException error = kind switch
        {
            "rule" => new BusinessRuleException("Bookings need 24 hours' notice."),
            "not-found" => new NotFoundException("That resource no longer exists."),
            _ => new ForbiddenException("Only Admins may manage resources."),
        };

        var result = await Submit.RunAsync(() => throw error, Snackbar, _ => throw new InvalidOperationException("not a validation failure"));

        result.Outcome.ShouldBe(SubmitOutcome.Refused);
        result.Message.ShouldBe(error.Message);
        result.Error.ShouldBeSameAs(error);
        Shown.ShouldBe([(error.Message, Severity.Error)]);
    }

    [Fact]
    public async Task RunAsync_WhenTheCommandConflicts_ThenShowsItsMessageAsAWarning()
    {
        var result = await Submit.RunAsync(() => throw new ConflictException("Another approver decided this request a moment ago; your decision was not applied."), Snackbar);

        result.Outcome.ShouldBe(SubmitOutcome.Conflict);
        Shown.ShouldBe([("Another approver decided this request a moment ago; your decision was not applied.", Severity.Warning)]);
    }

    [Fact]
    public async Task RunAsync_WhenAConcurrencyCheckFailsUnhandled_ThenSaysSomeoneElseChangedIt()
    {
        var result = await Submit.RunAsync(() => throw new DbUpdateConcurrencyException("xmin changed"), Snackbar, logger: logger);

        result.Outcome.ShouldBe(SubmitOutcome.Conflict);
        result.Message.ShouldBe(Submit.ChangedMeanwhile);
        Shown.ShouldBe([(Submit.ChangedMeanwhile, Severity.Warning)]);
        logger.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenSomethingUnexpectedFails_ThenLogsItAndApologises()
    {
        var boom = new InvalidOperationException("connection reset");

        var result = await Submit.RunAsync(() => throw boom, Snackbar, _ => { }, logger, success: "Saved.");

        result.Outcome.ShouldBe(SubmitOutcome.Failed);
        result.Message.ShouldBe(UserMessages.Unexpected);
        result.Error.ShouldBeSameAs(boom);
        Shown.ShouldBe([(UserMessages.Unexpected, Severity.Error)]);
        logger.Errors.ShouldBe([boom]);
    }

    [Fact]
    public async Task QuietlyAsync_WhenTheCommandFails_ThenShowsNothingAndReturnsTheMessage()
    {
        var result = await Submit.QuietlyAsync(() => throw new BusinessRuleException("The end must be after the start."), logger);

        result.Outcome.ShouldBe(SubmitOutcome.Refused);
        result.Message.ShouldBe("The end must be after the start.");
        Shown.ShouldBeEmpty();
        logger.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task QuietlyAsync_WhenTheCallersTokenCancels_ThenIsCancelledWithNothingToSay()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var result = await Submit.QuietlyAsync(() => Task.Delay(TimeSpan.FromMinutes(1), cancel.Token), logger, cancel.Token);

        result.Outcome.ShouldBe(SubmitOutcome.Cancelled);
        result.Message.ShouldBeNull();
        logger.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task QuietlyAsync_WhenCancelledByAnotherToken_ThenFails()
    {
        var result = await Submit.QuietlyAsync(() => throw new OperationCanceledException(), logger, CancellationToken.None);

        result.Outcome.ShouldBe(SubmitOutcome.Failed);
        result.Message.ShouldBe(UserMessages.Unexpected);
        logger.Errors.Count.ShouldBe(1);
    }

    [Fact]
    public async Task TryAsync_WhenTheCommandIsRefused_ThenShowsTheSameAsRunAsync()
    {
        var ok = await Snackbar.TryAsync(() => throw new BusinessRuleException("This event is already cancelled."), "Event cancelled.");

        ok.ShouldBeFalse();
        Shown.ShouldBe([("This event is already cancelled.", Severity.Error)]);
    }

    private static InputValidationException Invalid(params (string Field, string Message)[] errors) =>
        new(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    [Fact]
    public async Task RunAsync_WhenTheCommandClashes_ThenLogsItAtInformationWithoutTheException()
    {
        var result = await Submit.RunAsync(() => throw new ConflictException("Room A is taken then."), Snackbar, logger: logger);

        result.Outcome.ShouldBe(SubmitOutcome.Conflict);
        logger.Entries.ShouldBe([(LogLevel.Information, (Exception?)null)]);
    }

    [Fact]
    public async Task QuietlyAsync_WhenARuleRefuses_ThenLogsItAtInformationWithoutTheException()
    {
        var result = await Submit.QuietlyAsync(() => throw new BusinessRuleException("The end must be after the start."), logger);

        result.Outcome.ShouldBe(SubmitOutcome.Refused);
        logger.Entries.ShouldBe([(LogLevel.Information, (Exception?)null)]);
    }

    private sealed class ListLogger : ILogger
    {
        public List<Exception> Errors { get; } = [];

        public List<(LogLevel Level, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Entries.Add((logLevel, exception));
            if (logLevel >= LogLevel.Error && exception is not null)
            {
                Errors.Add(exception);
            }
        }
    }
}
