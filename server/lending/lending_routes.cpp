#include "lending/lending_routes.hpp"

#include "lending/availability_routes.hpp"
#include "lending/overdue_routes.hpp"
#include "lending/reminder_policy_routes.hpp"
#include "lending/reminder_routes.hpp"
#include "lending/request_decision.hpp"
#include "lending/request_routes.hpp"
#include "lending/request_submit.hpp"
#include "lending/rule_routes.hpp"
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
}

}  // namespace madoguchi::server::lending
