//! Old databases stay readable. Each fixture below is the bytes of one stored record of format
//! version 1, as an xfdesk of that version wrote them: generated ONCE from the encoder of the
//! time (the first record of each tree of a `demo` database, and built values for the trees a
//! small demo leaves empty) and then FROZEN. Never regenerate them: if one stops decoding, a
//! stored struct or enum changed shape and every office's database would stop opening. Add a
//! format version instead (see the note at the top of `store::codec`), and a fixture of it here
//! beside the old ones.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use xfdesk::domain::audit::{AuditEvent, AuditKind};
use xfdesk::domain::case::{Case, CaseId, CaseState};
use xfdesk::domain::ledger::{EventKind, LedgerEvent};
use xfdesk::domain::matter::Package;
use xfdesk::domain::operator::Operator;
use xfdesk::domain::organisation::{Department, DepartmentId, Leader, LeaderId};
use xfdesk::domain::pending::MatterRow;
use xfdesk::domain::permission::Role;
use xfdesk::domain::petitioner::{Petitioner, Sex};
use xfdesk::domain::schedule::queue::ArrivalState;
use xfdesk::domain::schedule::{Mode, Origin, Session, SessionId};
use xfdesk::domain::serial::SerialNo;
use xfdesk::domain::visit::{Channel, Kind, Visit, VisitId};
use xfdesk::i18n::{Lang, Localize};
use xfdesk::store::codec::{self, CodecError, StoredAudit};
use xfdesk::store::{RecordRef, Store, StoreError};

const VISIT: &str = "0124fbd00f0126250113323032342d31312d30375431303a35353a34330b64656d6f2d636c65726b3209e69d8ee4b8bde787950101123533303832313139353531303235383634350033e4ba91e58d97e79c81e699aee6b4b1e5b882e5ae81e6b4b1e58ebfe9bb8ee6988ee4b9a1e6b091e4b8bbe69d91e585abe7bb84000100020ce59c9fe59cb0e5be81e694b663e58f8de698a0e6b091e4b8bbe69d91e99b86e4bd93e69e97e59cb0e8a2abe88cb6e58fb6e4baa7e4b89ae59bade58da0e794a8efbc8ce69caae7adbee8aea2e5be81e59cb0e58d8fe8aeaeefbc8ce8a681e6b182e4be9de6b395e8a1a5e581bfe38082";
const PETITIONER: &str = "012509e69d8ee4b8bde787950101123533303832313139353531303235383634350033e4ba91e58d97e79c81e699aee6b4b1e5b882e5ae81e6b4b1e58ebfe9bb8ee6988ee4b9a1e6b091e4b8bbe69d91e585abe7bb8413323032342d31312d30375431303a35353a343313323032342d31312d30375431303a35353a343301";
const CASE: &str = "0126fbd00f01252413323032342d31312d30375431303a35353a343313323032342d31312d30375431303a35353a343301020ce59c9fe59cb0e5be81e694b663e58f8de698a0e6b091e4b8bbe69d91e99b86e4bd93e69e97e59cb0e8a2abe88cb6e58fb6e4baa7e4b89ae59bade58da0e794a8efbc8ce69caae7adbee8aea2e5be81e59cb0e58d8fe8aeaeefbc8ce8a681e6b182e4be9de6b395e8a1a5e581bfe380820c";
const PACKAGE: &str = "01000033e7bb84e7bb87e5be8be5b888e58f82e4b88eefbc8ce4be9de6b395e4be9de8a784e68f90e587bae5a484e79086e6848fe8a78100010e0000";
const LEDGER: &str = "0113323032342d31312d30375431303a35353a34330b64656d6f2d636c65726b32002400";
/// A matter's whole ledger as one value (the `ledgers` tree): here one entry, `LEDGER`'s body.
const LEDGER_OF_MATTER: &str =
    "010113323032342d31312d30375431303a35353a34330b64656d6f2d636c65726b32002400";
const RECEPTION: &str = "0108";
const LEADER: &str = "010109e69da8e5ada6e5bc800ce58ebfe5a794e4b9a6e8aeb018e4b8bbe68c81e58ebfe5a794e585a8e99da2e5b7a5e4bd9c01";
const DEPARTMENT: &str =
    "010e12e58ebfe887aae784b6e8b584e6ba90e5b18009e5ad99e58d8ee6898d010b313733313137313531333801";
const PENDING: &str = "0135fbd20f0209e69d8ee9a699e6958f020ce6b689e6b395e6b689e8af890afcec8659cf00010801180000fce69016000001fbd20f0301fc589016000101";
const AUDIT_SEALED: &str = "0201000000000000000000000000000000000000000000000000000000000000000013323032332d30312d30325430383a30303a30300a64656d6f2d61646d696e14086c65616465723a3109e69da8e5ada6e5bc8066fb81795af271bfb5b75d1a534a65d78ce4497a4bbe85d127424a6141e451bd";
const AUDIT_V1: &str = "0113323032362d31312d31385430393a33303a303006636c65726b31040d7065746974696f6e65723a333709e69d8ee4b8bde78795";
/// The demo administrator; its PIN hash is of `123456`.
const OPERATOR: &str = "010a0a64656d6f2d61646d696e0fe6bc94e7a4bae7aea1e79086e59198030161246172676f6e32696424763d3139246d3d31393435362c743d322c703d31246546684a2b4e6c656962396c722f4c7a6371372b5241244a3073314965705a2b6d71355357707535734636724d464a6b7a462b78724a57686b38664a7a777134774900000000";
const SESSION: &str = "01460a323032362d31312d31380830393a30303a30300831323a30303a303018e58ebfe4bfa1e8aebfe5b180e68ea5e5be85e5a4a7e58e850103010e0ce9878de782b9e7baa6e8aebf01260001260831303a30303a30300ce5b8a6e9bd90e69d90e69699010109e69d8ee4b8bde787950126020124";
const UNAVAILABLE: &str = "01020a323032362d31312d31380a323032362d31312d3139";

fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

fn decode<T: serde::de::DeserializeOwned>(hex: &str, record: RecordRef) -> T {
    let stored = bytes(hex);
    assert_eq!(stored[0], 1, "{record}: a version-1 fixture");
    codec::decode(&stored, record).unwrap_or_else(|e| panic!("{e}"))
}

fn at(date: (i32, u32, u32), time: (u32, u32, u32)) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(date.0, date.1, date.2)
        .and_then(|d| d.and_hms_opt(time.0, time.1, time.2))
        .expect("a real time")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

#[test]
fn a_version_1_visit_and_its_petitioner_read_with_every_field() {
    let v: Visit = decode(VISIT, RecordRef::Visit(36));
    assert_eq!(v.id, VisitId(36));
    assert_eq!(v.number, SerialNo { year: 2024, seq: 1 });
    assert_eq!(v.case_id, CaseId(38));
    assert_eq!(v.petitioner_id.0, 37);
    assert_eq!(v.channel, Channel::Letter);
    assert_eq!(v.received_at, at((2024, 11, 7), (10, 55, 43)));
    assert_eq!(v.received_by, "demo-clerk2");
    assert_eq!(v.petitioner.name, "李丽燕");
    assert_eq!(v.petitioner.sex, Sex::Female);
    assert_eq!(
        v.petitioner.id_number.as_ref().map(|i| i.to_string()),
        Some("530821195510258645".to_string())
    );
    assert_eq!(v.petitioner.phone, None);
    assert_eq!(v.petitioner.address, "云南省普洱市宁洱县黎明乡民主村八组");
    assert!(v.co_petitioners.is_empty());
    assert_eq!((v.head_count, v.group), (1, false));
    assert_eq!(v.kind, Kind::Appeal);
    assert_eq!(v.category, "土地征收");
    assert!(v.summary.starts_with("反映民主村集体林地被茶叶产业园占用"));

    let p: Petitioner = decode(PETITIONER, RecordRef::Petitioner(37));
    assert_eq!(p.id.0, 37);
    assert_eq!(p.person, v.petitioner);
    assert_eq!(p.first_visit_at, v.received_at);
    assert_eq!(p.last_visit_at, v.received_at);
    assert_eq!(p.visit_count, 1);
}

#[test]
fn a_version_1_matter_reads_with_its_package_ledger_and_pending_row() {
    let c: Case = decode(CASE, RecordRef::Case(38));
    assert_eq!(c.id, CaseId(38));
    assert_eq!(c.number, SerialNo { year: 2024, seq: 1 });
    assert_eq!((c.petitioner_id.0, c.first_visit), (37, VisitId(36)));
    assert_eq!(c.opened_at, at((2024, 11, 7), (10, 55, 43)));
    assert_eq!(c.visit_count, 1);
    assert_eq!((c.kind, c.category.as_str()), (Kind::Appeal, "土地征收"));
    assert_eq!(c.state, CaseState::Settled);

    let p: Package = decode(PACKAGE, RecordRef::Package(38));
    assert_eq!(p.responsible, None);
    assert!(p.team.is_empty());
    assert_eq!(p.plan, "组织律师参与，依法依规提出处理意见");
    assert_eq!(p.department, Some(DepartmentId(14)));
    assert!(!p.collective_study && !p.no_reacceptance && p.co_departments.is_empty());

    let e: LedgerEvent = decode(LEDGER, RecordRef::Ledger(38));
    assert_eq!(e.at, at((2024, 11, 7), (10, 55, 43)));
    assert_eq!(e.by, "demo-clerk2");
    assert_eq!(e.what, EventKind::Registered { visit: VisitId(36) });
    assert_eq!(e.note, "");
    let whole: Vec<LedgerEvent> = decode(LEDGER_OF_MATTER, RecordRef::Ledger(38));
    assert_eq!(whole, [e]);

    let r: MatterRow = decode(
        PENDING,
        RecordRef::Pending {
            first: 53,
            last: 53,
        },
    );
    assert_eq!(r.id, CaseId(53));
    assert_eq!(r.number, SerialNo { year: 2025, seq: 2 });
    assert_eq!(r.petitioner, "李香敏");
    assert_eq!(r.category, "涉法涉诉");
    assert_eq!(r.state, CaseState::ReReviewAnswered);
    assert_eq!(r.opened_at, at((2025, 2, 12), (15, 51, 18)));
    assert_eq!(r.responsible, Some(LeaderId(8)));
    assert_eq!(r.department, Some(DepartmentId(24)));
    assert_eq!(r.last_progress, date(2025, 7, 11));
    assert_eq!(r.open_urges.len(), 1);
    assert_eq!(r.open_urges[0].0.seq, 3);
    assert_eq!(r.open_urges[0].1, date(2025, 5, 1));

    let received_by: LeaderId = decode(RECEPTION, RecordRef::Visit(51));
    assert_eq!(received_by, LeaderId(8));
}

#[test]
fn version_1_leaders_departments_and_operators_read() {
    let l: Leader = decode(LEADER, RecordRef::Leader(1));
    assert_eq!(
        (l.id, l.name.as_str(), l.title.as_str(), l.active),
        (LeaderId(1), "杨学开", "县委书记", true)
    );
    assert_eq!(l.portfolio, "主持县委全面工作");

    let d: Department = decode(DEPARTMENT, RecordRef::Department(14));
    assert_eq!(
        (d.id, d.name.as_str(), d.contact.as_str(), d.active),
        (DepartmentId(14), "县自然资源局", "孙华才", true)
    );
    assert_eq!(d.phone.map(|p| p.to_string()), Some("17311715138".into()));

    let o: Operator = decode(OPERATOR, RecordRef::Operator(10));
    assert_eq!(o.id.0, 10);
    assert_eq!(
        (o.code.as_str(), o.name.as_str()),
        ("demo-admin", "演示管理员")
    );
    assert_eq!(o.role, Role::Administrator);
    assert!(o.active && !o.locked);
    assert_eq!((o.leader, o.failures, o.last_failure), (None, 0, None));
    assert!(o.pin.verify("123456"), "the stored PIN hash still verifies");
}

#[test]
fn a_version_1_session_and_unavailable_dates_read() {
    let s: Session = decode(SESSION, RecordRef::Session(70));
    assert_eq!(s.id, SessionId(70));
    assert_eq!(s.plan.date, date(2026, 11, 18));
    let t = |h| NaiveTime::from_hms_opt(h, 0, 0).expect("a time");
    assert_eq!((s.plan.start, s.plan.end), (t(9), t(12)));
    assert_eq!(s.plan.place, "县信访局接待大厅");
    assert_eq!(s.plan.mode, Mode::KeyCase);
    assert_eq!(s.plan.leader, LeaderId(3));
    assert_eq!(s.plan.sitting_in, [DepartmentId(14)]);
    assert_eq!(s.plan.note, "重点约访");
    assert_eq!(s.plan.carried, [CaseId(38)]);
    assert_eq!(s.origin, Origin::Hand);
    assert_eq!(s.appointments.len(), 1);
    assert_eq!(
        (s.appointments[0].case, s.appointments[0].slot),
        (CaseId(38), t(10))
    );
    assert_eq!(s.appointments[0].note, "带齐材料");
    let a = &s.queue[0];
    assert_eq!((a.number, a.name.as_str()), (1, "李丽燕"));
    assert_eq!((a.case, a.state), (Some(CaseId(38)), ArrivalState::Done));
    assert_eq!(a.visit, Some(VisitId(36)));

    let u: std::collections::BTreeSet<NaiveDate> = decode(UNAVAILABLE, RecordRef::Unavailable(3));
    assert_eq!(
        u.into_iter().collect::<Vec<_>>(),
        [date(2026, 11, 18), date(2026, 11, 19)]
    );
}

#[test]
fn evidence_entries_of_both_versions_read() {
    let record = RecordRef::Audit(1);
    let StoredAudit::Sealed(sealed) = codec::decode_audit(&bytes(AUDIT_SEALED), record).unwrap()
    else {
        panic!("a version-2 entry is sealed");
    };
    assert_eq!((sealed.seq, sealed.prev), (1, [0; 32]));
    assert_eq!(sealed.event.at, at((2023, 1, 2), (8, 0, 0)));
    assert_eq!(sealed.event.operator, "demo-admin");
    assert_eq!(sealed.event.kind, AuditKind::OrgAdded);
    assert_eq!(
        (sealed.event.subject.as_str(), sealed.event.detail.as_str()),
        ("leader:1", "杨学开")
    );
    assert_eq!(sealed.hash[..4], [0x66, 0xfb, 0x81, 0x79]);

    let old = codec::decode_audit(&bytes(AUDIT_V1), record).unwrap();
    assert_eq!(
        old,
        StoredAudit::Unsealed(AuditEvent {
            at: at((2026, 11, 18), (9, 30, 0)),
            operator: "clerk1".into(),
            kind: AuditKind::Revealed,
            subject: "petitioner:37".into(),
            detail: "李丽燕".into(),
        })
    );
}

#[test]
fn a_record_of_a_future_version_is_refused_naming_the_record() {
    let mut future = bytes(VISIT);
    future[0] = 9;
    let record = RecordRef::Visit(36);
    let refused = codec::decode::<Visit>(&future, record).unwrap_err();
    assert_eq!(refused, CodecError::UnknownVersion { record, version: 9 });
    assert_eq!(
        refused.localize(Lang::Zh),
        "来访记录 #36 的格式版本 9 比本程序新,请升级 xfdesk"
    );

    // And through the store, as the desk meets it in a database a newer xfdesk wrote.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    drop(xfdesk::store::sled_store::SledStore::open(&db).unwrap());
    {
        let raw = sled::open(db.join("sled")).unwrap();
        let visits = raw.open_tree("visits").unwrap();
        visits.insert(36u64.to_be_bytes(), future).unwrap();
        raw.flush().unwrap();
    }
    let store = xfdesk::store::sled_store::SledStore::open(&db).unwrap();
    let err = store.visit(VisitId(36)).unwrap_err();
    assert!(matches!(err, StoreError::Damaged(_)), "{err}");
    assert_eq!(
        err.localize(Lang::En),
        "visit #36 has format version 9, newer than this xfdesk; upgrade it"
    );
}
