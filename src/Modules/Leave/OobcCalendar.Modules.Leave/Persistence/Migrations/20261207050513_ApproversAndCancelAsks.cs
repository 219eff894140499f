using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Leave.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ApproversAndCancelAsks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cancel_ask_reason",
                schema: "leave",
                table: "leave_requests",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancel_asked_at",
                schema: "leave",
                table: "leave_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancel_declined_at",
                schema: "leave",
                table: "leave_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "cancel_declined_by",
                schema: "leave",
                table: "leave_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "approval_delegations",
                schema: "leave",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    manager_id = table.Column<Guid>(type: "uuid", nullable: false),
                    substitute_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_day = table.Column<DateOnly>(type: "date", nullable: false),
                    to_day = table.Column<DateOnly>(type: "date", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_by = table.Column<Guid>(type: "uuid", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_delegations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hr_approvers",
                schema: "leave",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added_by = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_approvers", x => x.person_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_approval_delegations_manager_id_to_day",
                schema: "leave",
                table: "approval_delegations",
                columns: new[] { "manager_id", "to_day" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_delegations_substitute_id_to_day",
                schema: "leave",
                table: "approval_delegations",
                columns: new[] { "substitute_id", "to_day" });

            // One manager, one substitute at a time (ADR 0026): live delegations of a manager cannot overlap, whatever the race.
            migrationBuilder.Sql("""
                ALTER TABLE leave.approval_delegations ADD CONSTRAINT ex_approval_delegations_no_overlap
                EXCLUDE USING gist (manager_id WITH =, daterange(from_day, to_day, '[]') WITH &&)
                WHERE (ended_at IS NULL);
                """);
            migrationBuilder.Sql("ALTER TABLE leave.approval_delegations ADD CONSTRAINT ck_approval_delegations_period CHECK (from_day <= to_day AND manager_id <> substitute_id);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approval_delegations",
                schema: "leave");

            migrationBuilder.DropTable(
                name: "hr_approvers",
                schema: "leave");

            migrationBuilder.DropColumn(
                name: "cancel_ask_reason",
                schema: "leave",
                table: "leave_requests");

            migrationBuilder.DropColumn(
                name: "cancel_asked_at",
                schema: "leave",
                table: "leave_requests");

            migrationBuilder.DropColumn(
                name: "cancel_declined_at",
                schema: "leave",
                table: "leave_requests");

            migrationBuilder.DropColumn(
                name: "cancel_declined_by",
                schema: "leave",
                table: "leave_requests");
        }
    }
}
