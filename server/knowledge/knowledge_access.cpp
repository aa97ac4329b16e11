#include "knowledge/knowledge_access.hpp"

namespace madoguchi::server::knowledge {
namespace {

using madoguchi::identity::Role;

const std::vector<Role>& desk_reader_roles() {
    static const std::vector<Role> roles{Role::desk_operator, Role::it_office, Role::auditor, Role::admin};
    return roles;
}

}  // namespace

http::Access knowledge_writers() { return http::Access::roles_of({Role::desk_operator, Role::it_office}); }

http::Access knowledge_readers() {
    return http::Access::roles_of(
        {Role::staff, Role::manager, Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
}

http::Access knowledge_desk_readers() { return http::Access::roles_of(desk_reader_roles()); }

bool reads_everything(const identity::Principal& principal) {
    return madoguchi::identity::has_any_role(principal.user.fields.roles, desk_reader_roles());
}

bool may_read(const identity::Principal& principal, const ArticleRow& article) {
    if (reads_everything(principal)) return true;
    return article.current.state == ArticleState::published &&
           madoguchi::knowledge::has_audience(article.current.audiences, Audience::staff);
}

}  // namespace madoguchi::server::knowledge
