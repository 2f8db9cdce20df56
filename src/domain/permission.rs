//! Who may do what: the four roles of a reception office and the one matrix that says which
//! action each may take. The app asks `Role::may` before it calls the store, so a refused action
//! writes nothing; hiding a key is never the only guard.

use serde::{Deserialize, Serialize};

use super::lifecycle::MoveKind;
use super::organisation::LeaderId;
use super::visit::Kind;

/// Stored with the operator: variants only ever grow at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// 登记员: registers visitors at the window, sees the visits and the queue.
    Clerk,
    /// 接访记录员: beside the leader on reception day: records the instructions and assigns the
    /// case on the spot.
    Secretary,
    /// 督办员: everything on matters: reminders, supervision, extensions, transfers, reports.
    Supervisor,
    /// 管理员: operators, leaders, departments, policy, import.
    Administrator,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Clerk,
        Role::Secretary,
        Role::Supervisor,
        Role::Administrator,
    ];

    /// Whether this role may take `action`.
    pub fn may(self, action: Permission) -> bool {
        use Permission as P;
        match self {
            Role::Clerk => {
                matches!(
                    action,
                    P::RegisterVisit | P::ViewVisits | P::ViewMatters | P::Reveal
                ) || matches!(action, P::ViewSchedule | P::RunQueue)
            }
            Role::Secretary => matches!(
                action,
                P::RegisterVisit
                    | P::Reveal
                    | P::ViewVisits
                    | P::ViewMatters
                    | P::AcceptOrAssign
                    | P::Appoint
                    | P::Team
                    | P::Plan
                    | P::ViewSchedule
                    | P::BookAppointment
                    | P::RunQueue
            ),
            Role::Supervisor => matches!(
                action,
                P::ViewVisits
                    | P::ViewMatters
                    | P::AcceptOrAssign
                    | P::MatterStep
                    | P::Appoint
                    | P::TransferResponsibility
                    | P::CollectiveStudy
                    | P::Team
                    | P::Plan
                    | P::Tier
                    | P::Extend
                    | P::Urge
                    | P::Reports
                    | P::Reveal
                    | P::ViewEvidence
                    | P::Verify
                    | P::ExportFull
                    | P::SupervisorView
                    | P::ViewSchedule
                    | P::PlanSchedule
                    | P::BookAppointment
            ),
            Role::Administrator => matches!(
                action,
                P::ManageOrganisation
                    | P::ManageOperators
                    | P::Import
                    | P::LoadDemo
                    | P::Verify
                    | P::Maintain
                    | P::ViewSchedule
                    | P::PlanSchedule
            ),
        }
    }

    /// Whether the visits list shows every visit, or only those the operator registered: a
    /// clerk's list is their own work. Finding earlier petitioners at intake is not narrowed.
    pub fn sees_every_visit(self) -> bool {
        self != Role::Clerk
    }

    /// Where the desk opens for this role after signing in.
    pub fn home(self) -> Home {
        match self {
            Role::Clerk | Role::Secretary => Home::Intake,
            Role::Supervisor => Home::Matters,
            Role::Administrator => Home::Organisation,
        }
    }
}

/// The first screen of a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Home {
    Intake,
    Matters,
    Organisation,
}

/// Every action of the desk that the matrix decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Register a visit (intake).
    RegisterVisit,
    /// The visits list, a visit's detail and the search on screen.
    ViewVisits,
    /// The matters list and one matter's screen (reading only).
    ViewMatters,
    /// Accept a matter or assign it to a department: the on-the-spot assignment (当场交办).
    AcceptOrAssign,
    /// Every other step of a matter's life: not accepting, forwarding, answering, review,
    /// closing, settling, archiving.
    MatterStep,
    /// Name the responsible leader of a matter nobody holds.
    Appoint,
    /// Hand the case package to another leader (the supervisor approves).
    TransferResponsibility,
    /// Put a matter on the leadership's collective-study list or take it off.
    CollectiveStudy,
    Team,
    /// The handling plan, where the leader's instructions (批示) are recorded.
    Plan,
    /// A complexity tier of the office's policy.
    Tier,
    /// Extend the handling limit.
    Extend,
    /// Reminders and supervision notices, and recording their answers.
    Urge,
    /// Leaders and departments.
    ManageOrganisation,
    /// Operators: add, change, deactivate, reset a PIN, unlock.
    ManageOperators,
    /// Importing lists from files.
    Import,
    /// Reports and the command line's search, which print personal data.
    Reports,
    /// Fill an empty database with demonstration data.
    LoadDemo,
    /// Show a petitioner's full ID number and phone for a moment (recorded).
    Reveal,
    /// The evidence log of the whole desk (F11).
    ViewEvidence,
    /// Verify the evidence log's chain and every index (`xfdesk check`): the supervisor, who
    /// answers for the evidence, and the administrator, who keeps the database. It prints
    /// record numbers and counts, no personal data, but it reads every record, and who
    /// verified when is itself worth recording.
    Verify,
    /// Rewrite the database files compactly (`xfdesk compact`).
    Maintain,
    /// Full ID numbers and phones in an exported ledger (`xfdesk export`): a file leaves the
    /// desk and its log, so only the supervisor, who answers for the ledger, takes them out
    /// unmasked; everyone else's export masks them.
    ExportFull,
    /// The supervisor view (督办总览): every open matter, every leader's and department's
    /// record, the quarter's figures.
    SupervisorView,
    /// The week of reception sessions, a session's detail and the public notice.
    ViewSchedule,
    /// Plan sessions, generate the rota, swap leaders, mark unavailable dates.
    PlanSchedule,
    /// Book a matter's petitioner into a session (约访) or cancel the booking.
    BookAppointment,
    /// The reception day's queue: numbering arrivals, calling and receiving them.
    RunQueue,
}

impl Permission {
    pub const ALL: [Permission; 28] = [
        Permission::RegisterVisit,
        Permission::ViewVisits,
        Permission::ViewMatters,
        Permission::AcceptOrAssign,
        Permission::MatterStep,
        Permission::Appoint,
        Permission::TransferResponsibility,
        Permission::CollectiveStudy,
        Permission::Team,
        Permission::Plan,
        Permission::Tier,
        Permission::Extend,
        Permission::Urge,
        Permission::ManageOrganisation,
        Permission::ManageOperators,
        Permission::Import,
        Permission::Reports,
        Permission::LoadDemo,
        Permission::Reveal,
        Permission::ViewEvidence,
        Permission::Verify,
        Permission::Maintain,
        Permission::ExportFull,
        Permission::SupervisorView,
        Permission::ViewSchedule,
        Permission::PlanSchedule,
        Permission::BookAppointment,
        Permission::RunQueue,
    ];

    /// The permission a step of a matter's life needs.
    pub fn for_step(step: MoveKind) -> Permission {
        match step {
            MoveKind::Accept | MoveKind::Assign => Permission::AcceptOrAssign,
            _ => Permission::MatterStep,
        }
    }
}

/// Whether someone may read the content of a matter of `kind` (the petitioner's name, the
/// summary, the ledger's notes). Accusations (检举控告类) are confidential: only supervisors and
/// the secretary of the leader responsible for the matter read them; everyone else sees that the
/// matter exists, its number, state and deadline.
pub fn may_read(
    role: Role,
    own_leader: Option<LeaderId>,
    kind: Kind,
    responsible: Option<LeaderId>,
) -> bool {
    if kind != Kind::Accusation {
        return true;
    }
    match role {
        Role::Supervisor => true,
        Role::Secretary => own_leader.is_some() && own_leader == responsible,
        Role::Clerk | Role::Administrator => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission as P;

    /// The whole matrix, written out: each role against each action.
    fn expected(role: Role, action: Permission) -> bool {
        // Clerks and secretaries check a returning petitioner's identity: they may reveal.
        let clerk = [
            P::RegisterVisit,
            P::ViewVisits,
            P::ViewMatters,
            P::Reveal,
            P::ViewSchedule,
            P::RunQueue,
        ];
        let secretary = [
            P::RegisterVisit,
            P::Reveal,
            P::ViewVisits,
            P::ViewMatters,
            P::AcceptOrAssign,
            P::Appoint,
            P::Team,
            P::Plan,
            P::ViewSchedule,
            P::BookAppointment,
            P::RunQueue,
        ];
        let admin = [
            P::ManageOrganisation,
            P::ManageOperators,
            P::Import,
            P::LoadDemo,
            P::Maintain,
        ];
        match role {
            Role::Clerk => clerk.contains(&action),
            Role::Secretary => secretary.contains(&action),
            // Full ID numbers and phones leave the desk in an export only in the supervisor's
            // hands: ExportFull falls in here, nobody else's list has it. The queue is the
            // window's work; the supervisor plans and books.
            Role::Supervisor => {
                !admin.contains(&action) && action != P::RegisterVisit && action != P::RunQueue
            }
            // Both keep the database honest: the one who answers for it, the one who keeps it.
            // The administrator also keeps the leaders, so plans who receives when.
            Role::Administrator => {
                admin.contains(&action)
                    || matches!(action, P::Verify | P::ViewSchedule | P::PlanSchedule)
            }
        }
    }

    #[test]
    fn only_the_supervisor_exports_identity_numbers_in_full() {
        let full: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.may(P::ExportFull))
            .collect();
        assert_eq!(full, [Role::Supervisor]);
    }

    #[test]
    fn every_role_against_every_action() {
        for role in Role::ALL {
            for action in Permission::ALL {
                assert_eq!(
                    role.may(action),
                    expected(role, action),
                    "{role:?} × {action:?}"
                );
            }
        }
    }

    #[test]
    fn a_secretary_assigns_on_the_spot_but_does_not_close_or_urge() {
        assert!(Role::Secretary.may(Permission::for_step(MoveKind::Assign)));
        assert!(Role::Secretary.may(Permission::for_step(MoveKind::Accept)));
        assert!(!Role::Secretary.may(Permission::for_step(MoveKind::Close)));
        assert!(!Role::Secretary.may(Permission::Urge));
        assert!(!Role::Clerk.may(Permission::for_step(MoveKind::Accept)));
        assert!(Role::Supervisor.may(Permission::for_step(MoveKind::Archive)));
        // The desk at a glance is the supervisor's alone.
        for role in Role::ALL {
            assert_eq!(
                role.may(Permission::SupervisorView),
                role == Role::Supervisor
            );
        }
    }

    #[test]
    fn accusations_are_read_by_supervisors_and_the_responsible_leaders_secretary() {
        let (a, b) = (Some(LeaderId(1)), Some(LeaderId(2)));
        let acc = Kind::Accusation;
        assert!(may_read(Role::Supervisor, None, acc, None));
        assert!(may_read(Role::Secretary, a, acc, a));
        assert!(!may_read(Role::Secretary, a, acc, b));
        assert!(!may_read(Role::Secretary, None, acc, None));
        assert!(!may_read(Role::Clerk, None, acc, a));
        assert!(!may_read(Role::Administrator, None, acc, a));
        for role in Role::ALL {
            assert!(may_read(role, None, Kind::Appeal, None));
        }
    }
}
