//! The receiving leader (接访领导) on the intake form: picked from the active leaders by typing
//! part of the name or its pinyin initials and choosing with ↑/↓; and, after saving, who holds
//! the matter (首接负责) in words the clerk can pass on.

use crate::domain::organisation::{Leader, LeaderId};
use crate::domain::responsibility::OnVisit;
use crate::domain::search::name_keys;
use crate::domain::text::fold_fullwidth;
use crate::i18n::{Lang, Localize, T};
use crate::store::RecordRef;

use super::field::TextField;

/// An active leader with the keys typing finds them by.
#[derive(Clone, Debug)]
struct Offered {
    leader: Leader,
    keys: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct LeaderPick {
    /// What the clerk typed to narrow the list.
    pub query: TextField,
    options: Vec<Offered>,
    /// Indexes into the options that match the query, in the order the leaders were added.
    matches: Vec<usize>,
    /// The highlighted row: 0 is "none", `i` the `i-1`th match.
    pub cursor: usize,
    pub chosen: Option<LeaderId>,
}

impl Default for LeaderPick {
    fn default() -> Self {
        LeaderPick {
            query: TextField::new(20),
            options: Vec::new(),
            matches: Vec::new(),
            cursor: 0,
            chosen: None,
        }
    }
}

fn keys_of(leader: &Leader) -> Vec<String> {
    let keys = name_keys(&leader.name);
    let mut all = keys.tails;
    all.extend(keys.initials);
    all.extend(keys.full);
    all
}

impl LeaderPick {
    /// The leaders intake may offer now. A chosen leader who was retired or deleted is let go.
    pub fn set_leaders(&mut self, active: impl IntoIterator<Item = Leader>) {
        self.options = active
            .into_iter()
            .map(|leader| Offered {
                keys: keys_of(&leader),
                leader,
            })
            .collect();
        if let Some(id) = self.chosen
            && !self.options.iter().any(|o| o.leader.id == id)
        {
            self.chosen = None;
        }
        self.refilter();
    }

    pub fn has_leaders(&self) -> bool {
        !self.options.is_empty()
    }

    /// The leaders the dropdown lists under "none".
    pub fn matches(&self) -> impl Iterator<Item = &Leader> {
        self.matches
            .iter()
            .filter_map(|i| self.options.get(*i))
            .map(|o| &o.leader)
    }

    pub fn chosen_leader(&self) -> Option<&Leader> {
        let id = self.chosen?;
        self.options.iter().map(|o| &o.leader).find(|l| l.id == id)
    }

    /// After typing: the list narrows and its first match is chosen, so typing 王 and Tab is
    /// enough. With the box emptied, the choice stays.
    pub fn refilter(&mut self) {
        let query: String = fold_fullwidth(self.query.value())
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        self.matches = self
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| query.is_empty() || o.keys.iter().any(|k| k.starts_with(&query)))
            .map(|(i, _)| i)
            .collect();
        if query.is_empty() {
            self.cursor = self.position_of_chosen();
        } else {
            self.cursor = usize::from(!self.matches.is_empty());
            self.take_cursor();
        }
    }

    fn position_of_chosen(&self) -> usize {
        self.chosen
            .and_then(|id| self.matches().position(|l| l.id == id))
            .map_or(0, |i| i + 1)
    }

    fn take_cursor(&mut self) {
        self.chosen = self
            .cursor
            .checked_sub(1)
            .and_then(|i| self.matches.get(i))
            .and_then(|i| self.options.get(*i))
            .map(|o| o.leader.id);
    }

    /// ↑/↓ in the dropdown; the highlighted row is the choice.
    pub fn step(&mut self, down: bool) {
        let rows = self.matches.len() + 1;
        self.cursor = if down {
            (self.cursor + 1).min(rows - 1)
        } else {
            self.cursor.saturating_sub(1)
        };
        self.take_cursor();
    }

    /// Leaving the field: the typed filter has done its work.
    pub fn settle(&mut self) {
        self.query.clear();
        self.refilter();
    }
}

/// A leader's name for messages; a leader no longer stored is named by number.
pub fn leader_name(leaders: &[Leader], id: LeaderId, lang: Lang) -> String {
    leaders.iter().find(|l| l.id == id).map_or_else(
        || RecordRef::Leader(id.0).localize(lang),
        |l| l.name.clone(),
    )
}

/// What the clerk is told after saving about who holds the matter, if anyone does.
pub fn responsibility_text(outcome: OnVisit, leaders: &[Leader], lang: Lang) -> Option<String> {
    let name = |id| leader_name(leaders, id, lang);
    Some(match outcome {
        OnVisit::Set(leader) => lang.f(T::ResponsibilitySet, &[&name(leader)]),
        OnVisit::KeptFirst { holder, receiving } => {
            lang.f(T::ResponsibilityKept, &[&name(holder), &name(receiving)])
        }
        OnVisit::Unchanged(Some(holder)) => lang.f(T::ResponsibilityHeld, &[&name(holder)]),
        OnVisit::Unchanged(None) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent};

    fn leader(id: u64, name: &str) -> Leader {
        Leader {
            id: LeaderId(id),
            name: name.into(),
            title: "副县长".into(),
            portfolio: String::new(),
            active: true,
        }
    }

    fn typed(pick: &mut LeaderPick, text: &str) {
        for c in text.chars() {
            pick.query.handle_key(KeyEvent::from(KeyCode::Char(c)));
        }
        pick.refilter();
    }

    #[test]
    fn typing_a_name_or_its_initials_chooses_the_first_match() {
        let mut pick = LeaderPick::default();
        pick.set_leaders([leader(1, "王红"), leader(2, "李明"), leader(3, "单雄")]);
        typed(&mut pick, "lm");
        assert_eq!(pick.chosen, Some(LeaderId(2)));
        pick.settle();
        assert_eq!(
            pick.chosen,
            Some(LeaderId(2)),
            "the choice outlives the filter"
        );
        assert_eq!(pick.cursor, 2);
        typed(&mut pick, "红");
        assert_eq!(pick.chosen, Some(LeaderId(1)), "a given name alone finds");
        pick.settle();
        typed(&mut pick, "ＳＸ");
        assert_eq!(pick.chosen, Some(LeaderId(3)), "单 as a surname reads shan");
        pick.settle();
        typed(&mut pick, "zz");
        assert_eq!(pick.chosen, None);
        assert_eq!(pick.matches().count(), 0);
    }

    #[test]
    fn arrows_walk_the_list_from_none_and_a_retired_choice_is_let_go() {
        let mut pick = LeaderPick::default();
        pick.set_leaders([leader(1, "王红"), leader(2, "李明")]);
        pick.step(true);
        assert_eq!(pick.chosen, Some(LeaderId(1)));
        pick.step(true);
        pick.step(true);
        assert_eq!(pick.chosen, Some(LeaderId(2)), "stops at the last");
        pick.step(false);
        pick.step(false);
        assert_eq!(pick.chosen, None, "the first row is none");
        pick.step(true);
        pick.set_leaders([leader(2, "李明")]);
        assert_eq!(pick.chosen, None);
    }

    #[test]
    fn the_message_names_who_holds_the_matter() {
        let leaders = [leader(1, "王红"), leader(2, "李明")];
        let (wang, li) = (LeaderId(1), LeaderId(2));
        let say = |o| responsibility_text(o, &leaders, Lang::Zh);
        assert_eq!(say(OnVisit::Set(wang)).unwrap(), "王红 成为本事项包案领导");
        assert_eq!(
            say(OnVisit::KeptFirst {
                holder: li,
                receiving: wang
            })
            .unwrap(),
            "本事项由首接领导 李明 包案(今日接访:王红)"
        );
        assert_eq!(
            say(OnVisit::Unchanged(Some(LeaderId(9)))).unwrap(),
            "本事项包案领导:领导 #9"
        );
        assert_eq!(say(OnVisit::Unchanged(None)), None);
    }
}
