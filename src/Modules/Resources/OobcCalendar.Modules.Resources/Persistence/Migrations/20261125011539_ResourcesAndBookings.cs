using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Resources.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ResourcesAndBookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "blackouts",
                schema: "resources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: true),
                    start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blackouts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                schema: "resources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requester_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    blocked_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    blocked_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    expected_attendees = table.Column<int>(type: "integer", nullable: true),
                    attendee_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    series_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cancelled_by = table.Column<Guid>(type: "uuid", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resources",
                schema: "resources",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    features = table.Column<List<string>>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    requires_approval = table.Column<bool>(type: "boolean", nullable: false),
                    approver_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    rules_opens_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    rules_closes_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    rules_days = table.Column<int>(type: "integer", nullable: false),
                    rules_buffer_before_minutes = table.Column<int>(type: "integer", nullable: false),
                    rules_buffer_after_minutes = table.Column<int>(type: "integer", nullable: false),
                    rules_minimum_notice_minutes = table.Column<int>(type: "integer", nullable: false),
                    rules_maximum_advance_days = table.Column<int>(type: "integer", nullable: false),
                    rules_maximum_duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resources", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_blackouts_resource_id_start",
                schema: "resources",
                table: "blackouts",
                columns: new[] { "resource_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_pending",
                schema: "resources",
                table: "bookings",
                column: "status",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_requester_id_start",
                schema: "resources",
                table: "bookings",
                columns: new[] { "requester_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_resource_id_start",
                schema: "resources",
                table: "bookings",
                columns: new[] { "resource_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_resources_name",
                schema: "resources",
                table: "resources",
                column: "name",
                unique: true);

            // Double booking is impossible by construction: no two holds (pending or approved) on one
            // resource may overlap, buffers included. EF cannot model exclusion constraints.
            // btree_gist is a trusted extension: the database owner can create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE resources.bookings ADD CONSTRAINT ex_bookings_no_overlap
                EXCLUDE USING gist (resource_id WITH =, tstzrange(blocked_start, blocked_end, '[)') WITH &&)
                WHERE (status IN ('Pending', 'Approved'));
                """);
            migrationBuilder.Sql("ALTER TABLE resources.bookings ADD CONSTRAINT ck_bookings_period CHECK (start < \"end\" AND blocked_start <= start AND blocked_end >= \"end\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "blackouts",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "bookings",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "resources",
                schema: "resources");
        }
    }
}
