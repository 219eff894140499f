using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OobcCalendar.Modules.Leave.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ApprovedLeaveByLastDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_leave_requests_approved_by_last_day",
                schema: "leave",
                table: "leave_requests",
                columns: new[] { "last_day", "first_day" },
                filter: "status = 'Approved'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_leave_requests_approved_by_last_day",
                schema: "leave",
                table: "leave_requests");
        }
    }
}
