#include "lending/lending_routes.hpp"

#include "lending/availability_routes.hpp"
#include "lending/overdue_routes.hpp"
#include "lending/reminder_policy_routes.hpp"
#include "lending/reminder_routes.hpp"
#include "lending/loss_routes.hpp"
#include "lending/counter_routes.hpp"
#include "lending/extension_routes.hpp"
#include "lending/kitting_routes.hpp"
#include "lending/master_image_routes.hpp"
#include "lending/request_decision.hpp"
#include "lending/request_routes.hpp"
#include "lending/request_submit.hpp"
#include "lending/return_booking_routes.hpp"
#include "lending/return_routes.hpp"
#include "lending/rule_routes.hpp"
#include "lending/shipment_routes.hpp"
#include "lending/stock_routes.hpp"
#include "lending/terms_routes.hpp"

namespace madoguchi::server::lending {
namespace {

using http::Access;
using madoguchi::identity::Role;

template <typename Handler>
http::RouteHandler bound(store::SharedDatabase& database, Handler handler) {
    return [&database, handler](const httplib::Request& request, httplib::Response& response,
                                const http::RequestContext& context) { handler(database, request, response, context); };
}

}  // namespace

void add_lending_routes(http::Router& router, store::SharedDatabase& database) {
    // Vendors have no part in lending; everyone else reads rules, terms and availability.
    const auto readers =
        Access::roles_of({Role::staff, Role::manager, Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    const auto borrowers = Access::roles_of({Role::staff, Role::manager, Role::desk_operator, Role::it_office});
    const auto admins = Access::roles_of({Role::admin});
    router.add({"GET", "/api/v1/lending/rules", "listLoanRules", readers, bound(database, list_rules)});
    router.add({"PUT", "/api/v1/lending/rules", "replaceLoanRules", admins, bound(database, replace_rules)});
    router.add({"GET", "/api/v1/lending/terms/{form}", "getLoanTerms", readers, bound(database, get_terms)});
    router.add({"POST", "/api/v1/lending/terms/{form}", "publishLoanTerms", admins, bound(database, publish)});
    router.add({"GET", "/api/v1/lending/availability", "getLendingAvailability", readers, bound(database, availability)});
    router.add({"GET", "/api/v1/lending/requests", "listLoanRequests", readers, bound(database, list)});
    router.add({"POST", "/api/v1/lending/requests", "createLoanRequest", borrowers, submit_route(database)});
    router.add({"GET", "/api/v1/lending/requests/{id}", "getLoanRequest", readers, bound(database, detail)});
    // Who decides is the class's rule, who cancels the requester (lending_access.hpp).
    router.add({"POST", "/api/v1/lending/requests/{id}/transitions", "transitionLoanRequest", borrowers,
                bound(database, transition_request)});
    const auto desk = Access::roles_of({Role::desk_operator});
    const auto overdue_readers = Access::roles_of({Role::manager, Role::desk_operator, Role::it_office, Role::auditor});
    router.add({"GET", "/api/v1/lending/reminder-policies", "listReminderPolicies", readers,
                bound(database, list_reminder_policies)});
    router.add({"PUT", "/api/v1/lending/reminder-policies", "replaceReminderPolicies", admins,
                bound(database, replace_reminder_policies)});
    router.add({"GET", "/api/v1/lending/requests/{id}/reminders", "listLoanReminders", readers,
                bound(database, reminder_history)});
    router.add({"POST", "/api/v1/lending/requests/{id}/reminders", "sendLoanReminder", desk,
                bound(database, send_reminder_now)});
    router.add({"GET", "/api/v1/lending/overdue", "listOverdueLoans", overdue_readers, bound(database, list_overdue_loans)});
    // Shipping, lost and stolen, safety stock (shipment_routes.hpp, loss_routes.hpp, stock_routes.hpp).
    const auto overseers = Access::roles_of({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    router.add({"POST", "/api/v1/lending/shipments", "createShipment", desk, bound(database, create_shipment)});
    router.add({"GET", "/api/v1/lending/shipments", "listShipments", overseers, bound(database, list_shipments_route)});
    router.add({"GET", "/api/v1/lending/shipments/{id}", "getShipment", overseers, bound(database, shipment_detail)});
    router.add({"POST", "/api/v1/lending/shipments/{id}/receipt", "receiveShipment", desk,
                bound(database, receive_shipment)});
    router.add({"POST", "/api/v1/lending/loss-reports", "createLossReport", borrowers, loss_report_route(database)});
    router.add({"GET", "/api/v1/lending/loss-reports", "listLossReports", readers, bound(database, list_loss_reports_route)});
    router.add({"GET", "/api/v1/lending/loss-reports/{id}", "getLossReport", readers, bound(database, loss_report_detail)});
    router.add({"POST", "/api/v1/lending/loss-reports/{id}/replacement", "replaceLostDevice", desk,
                bound(database, replace_lost_device)});
    router.add({"GET", "/api/v1/lending/stock", "getLendingStock", overseers, bound(database, get_stock)});
    router.add({"GET", "/api/v1/lending/stock/thresholds", "getStockThresholds", overseers, bound(database, get_thresholds)});
    router.add({"PUT", "/api/v1/lending/stock/thresholds", "replaceStockThresholds", admins,
                bound(database, replace_thresholds)});
    router.add({"PUT", "/api/v1/lending/repair-returns/{tag}", "setRepairReturn", desk,
                bound(database, set_repair_return_route)});
    // Kitting and the counter are the desk's work; the IT office and admins also publish masters.
    const auto master_readers = Access::roles_of({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    const auto master_publishers = Access::roles_of({Role::desk_operator, Role::it_office, Role::admin});
    router.add({"GET", "/api/v1/lending/master-images", "listMasterImages", master_readers, bound(database, list_masters)});
    router.add({"POST", "/api/v1/lending/master-images", "publishMasterImage", master_publishers,
                bound(database, publish_master)});
    router.add({"GET", "/api/v1/lending/kitting-tasks", "listKittingTasks", desk, bound(database, list_kitting)});
    router.add({"GET", "/api/v1/lending/kitting-tasks/{id}", "getKittingTask", desk, bound(database, kitting_detail)});
    router.add({"POST", "/api/v1/lending/kitting-tasks/{id}/ticks", "tickKittingItem", desk, bound(database, tick)});
    router.add({"DELETE", "/api/v1/lending/kitting-tasks/{id}/ticks/{key}", "untickKittingItem", desk,
                bound(database, untick)});
    router.add({"GET", "/api/v1/lending/counter/people/{card}", "getCounterPerson", desk, bound(database, counter_person)});
    router.add({"POST", "/api/v1/lending/counter/scan", "scanAtCounter", desk, bound(database, counter_scan)});
    router.add({"POST", "/api/v1/lending/counter/handovers", "handOverLoan", desk, bound(database, hand_over)});
    router.add({"GET", "/api/v1/lending/counter/handovers/{id}/receipt", "getHandoverReceipt", desk,
                bound(database, handover_receipt)});
    router.add({"POST", "/api/v1/lending/counter/returns", "returnLoanDevice", desk, bound(database, take_back)});
    // The borrower asks, the class's approver decides (extension_routes.hpp).
    router.add({"GET", "/api/v1/lending/requests/{id}/extensions", "listLoanExtensions", readers,
                bound(database, list_extensions)});
    router.add({"POST", "/api/v1/lending/requests/{id}/extensions", "requestLoanExtension", borrowers,
                bound(database, ask_extension)});
    router.add({"POST", "/api/v1/lending/requests/{id}/extensions/{eid}/decision", "decideLoanExtension", borrowers,
                bound(database, decide_on_extension)});
    // The borrower books the return at a counter; the desk reads the day's bookings (return_booking_routes.hpp).
    router.add({"GET", "/api/v1/lending/return-slots", "listReturnSlots", borrowers, bound(database, return_slots_route)});
    router.add({"GET", "/api/v1/lending/requests/{id}/return-booking", "getReturnBooking", readers,
                bound(database, get_return_booking)});
    router.add({"PUT", "/api/v1/lending/requests/{id}/return-booking", "bookReturn", borrowers, bound(database, book_return)});
    router.add({"DELETE", "/api/v1/lending/requests/{id}/return-booking", "cancelReturnBooking", borrowers,
                bound(database, cancel_return_booking)});
    router.add({"GET", "/api/v1/lending/return-bookings", "listReturnBookings", overseers,
                bound(database, list_return_bookings_route)});
}

}  // namespace madoguchi::server::lending
