using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Leave.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LeaveTypesRequestsLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "closed_years",
                schema: "leave",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closed_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "holiday_seed_years",
                schema: "leave",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holiday_seed_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "holidays",
                schema: "leave",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_be_confirmed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holidays", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "leave_documents",
                schema: "leave",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "leave_profiles",
                schema: "leave",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_profiles", x => x.person_id);
                });

            migrationBuilder.CreateTable(
                name: "leave_requests",
                schema: "leave",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leave_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_day = table.Column<DateOnly>(type: "date", nullable: false),
                    last_day = table.Column<DateOnly>(type: "date", nullable: false),
                    first_day_part = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    last_day_part = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    held_from = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    held_until = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    days = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    covering_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    needs_second_approval = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_approved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    first_approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cancelled_by = table.Column<Guid>(type: "uuid", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "leave_types",
                schema: "leave",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    carry_over_cap_days = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: true),
                    charged_to_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    colour = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    document_required_after_days = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: true),
                    earned_days = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: false),
                    earning = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    half_days_allowed = table.Column<bool>(type: "boolean", nullable: false),
                    has_balance = table.Column<bool>(type: "boolean", nullable: false),
                    is_private = table.Column<bool>(type: "boolean", nullable: false),
                    minimum_notice_working_days = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    paid = table.Column<bool>(type: "boolean", nullable: false),
                    remainder = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    required_days_per_year = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: true),
                    required_from_balance_days = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: true),
                    second_approval_after_days = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_types", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                schema: "leave",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leave_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    days = table.Column<decimal>(type: "numeric(7,3)", precision: 7, scale: 3, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_holidays_date",
                schema: "leave",
                table: "holidays",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_leave_documents_request_id",
                schema: "leave",
                table: "leave_documents",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_leave_requests_first_day_last_day",
                schema: "leave",
                table: "leave_requests",
                columns: new[] { "first_day", "last_day" });

            migrationBuilder.CreateIndex(
                name: "ix_leave_requests_pending",
                schema: "leave",
                table: "leave_requests",
                column: "status",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_leave_requests_person_id_first_day",
                schema: "leave",
                table: "leave_requests",
                columns: new[] { "person_id", "first_day" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_person_id_leave_type_id_key",
                schema: "leave",
                table: "ledger_entries",
                columns: new[] { "person_id", "leave_type_id", "key" },
                unique: true,
                filter: "key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_person_id_leave_type_id_year",
                schema: "leave",
                table: "ledger_entries",
                columns: new[] { "person_id", "leave_type_id", "year" });

            // The codes the seed and the ledger refer to are unique (an index on a complex property is not modelled by EF).
            migrationBuilder.Sql("CREATE UNIQUE INDEX ux_leave_types_code ON leave.leave_types (code);");

            // One person cannot hold two overlapping pending or approved requests, whatever the race (ADR 0016).
            // Half-day boundaries are wall-clock noon, so a morning and an afternoon of one day may both stand.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE leave.leave_requests ADD CONSTRAINT ex_leave_requests_no_overlap
                EXCLUDE USING gist (person_id WITH =, tsrange(held_from, held_until, '[)') WITH &&)
                WHERE (status IN ('Pending', 'Approved'));
                """);
            migrationBuilder.Sql("ALTER TABLE leave.leave_requests ADD CONSTRAINT ck_leave_requests_period CHECK (first_day <= last_day AND held_from < held_until AND days >= 0);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "closed_years",
                schema: "leave");

            migrationBuilder.DropTable(
                name: "holiday_seed_years",
                schema: "leave");

            migrationBuilder.DropTable(
                name: "holidays",
                schema: "leave");

            migrationBuilder.DropTable(
                name: "leave_documents",
                schema: "leave");

            migrationBuilder.DropTable(
                name: "leave_profiles",
                schema: "leave");

            migrationBuilder.DropTable(
                name: "leave_requests",
                schema: "leave");

            migrationBuilder.DropTable(
                name: "leave_types",
                schema: "leave");

            migrationBuilder.DropTable(
                name: "ledger_entries",
                schema: "leave");
        }
    }
}
