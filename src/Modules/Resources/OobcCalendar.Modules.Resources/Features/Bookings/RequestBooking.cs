using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Errors;
using OobcCalendar.Shared.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>The signed-in user asks for a resource. Confirmed at once, or pending approval, or refused with the conflict and the next free slots.</summary>
internal sealed record RequestBooking(
    Guid ResourceId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Purpose,
    int? ExpectedAttendees,
    IReadOnlyList<Guid>? AttendeeIds = null) : ICommand<BookingReceipt>;

/// <summary>What became of a request.</summary>
internal sealed record BookingReceipt(Guid BookingId, string Status);

internal sealed class RequestBookingValidator : AbstractValidator<RequestBooking>
{
    public RequestBookingValidator()
    {
        RuleFor(r => r.ResourceId).NotEmpty().WithMessage("Choose what to book.");
        RuleFor(r => r.Purpose).NotEmpty().WithMessage("Say what the booking is for.").MaximumLength(500);
        RuleFor(r => r.End).GreaterThan(r => r.Start).WithMessage("The end must be after the start.");
        RuleFor(r => r.ExpectedAttendees).GreaterThan(0).When(r => r.ExpectedAttendees is not null).WithMessage("Expected attendees must be at least 1.");
    }
}

internal sealed class RequestBookingHandler(
    IDbContextFactory<ResourcesDbContext> contexts,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<RequestBooking, BookingReceipt>
{
    public async ValueTask<BookingReceipt> Handle(RequestBooking command, CancellationToken cancellationToken)
    {
        currentUser.EnsureOfficeMember("book resources");
        // Racing inserts checked by one exclusion constraint can deadlock each other; PostgreSQL aborts one,
        // which retries and then either wins or meets the constraint like any other loser.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRequestAsync(command, cancellationToken);
            }
            catch (Exception ex) when (attempt < 5 && PostgresErrors.IsDeadlock(ex))
            {
            }
        }
    }

    private async Task<BookingReceipt> TryRequestAsync(RequestBooking command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.ResourceId, cancellationToken)
            ?? throw new NotFoundException("That resource does not exist.");
        var blackout = (await Availability.BlackoutsAsync(db, resource.Id, command.Start - resource.Rules.BufferBefore, command.End + resource.Rules.BufferAfter, cancellationToken)).FirstOrDefault();
        if (blackout is not null)
        {
            throw new BusinessRuleException($"{resource.Name} is unavailable then: {blackout.Reason}.");
        }

        var request = new BookingRequest(currentUser.Id, command.Start, command.End, command.Purpose, command.ExpectedAttendees, command.AttendeeIds ?? []);
        var booking = Booking.Request(Guid.CreateVersion7(), resource, request, now);
        db.Bookings.Add(booking);
        BookingNotices.Requested(db, booking, resource, now);
        try
        {
            await using var transaction = await ResourceLocks.BeginAsync(db, [resource.Id], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (PostgresErrors.IsExclusionViolation(ex))
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var answer = await Availability.AnswerAsync(fresh, resource, command.Start, command.End, command.ExpectedAttendees, now, currentUser, cancellationToken);
            throw new SlotTakenException(SlotMessages.Taken(resource.Name, answer, currentUser.TimeZoneId), answer);
        }

        return new BookingReceipt(booking.Id, booking.Status.ToString());
    }
}
