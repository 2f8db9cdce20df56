//! How wide a table's columns are: each as wide as its widest text, when the terminal has
//! room; where it has not, the columns most over their floor give up cells first, so a long
//! name is cut before a short state label is. Columns are one cell apart.

/// Widths for columns wanting `wanted` cells, none cut below `floor` (nor wider than it
/// wants), in `total` cells. Room left over goes to `stretch`, the column that takes the rest.
pub fn share(
    wanted: &[usize],
    floor: &[usize],
    total: usize,
    stretch: Option<usize>,
) -> Vec<usize> {
    let floor: Vec<usize> = floor.iter().zip(wanted).map(|(f, w)| *f.min(w)).collect();
    let room = total.saturating_sub(wanted.len().saturating_sub(1));
    let mut widths = wanted.to_vec();
    let mut over = widths.iter().sum::<usize>().saturating_sub(room);
    while over > 0 {
        // The column with the most cells above its floor gives one up.
        let Some((i, _)) = widths
            .iter()
            .zip(&floor)
            .enumerate()
            .map(|(i, (w, f))| (i, w - f))
            .filter(|(_, spare)| *spare > 0)
            .max_by_key(|(i, spare)| (*spare, std::cmp::Reverse(*i)))
        else {
            break;
        };
        widths[i] -= 1;
        over -= 1;
    }
    if let Some(s) = stretch.filter(|s| *s < widths.len()) {
        let used: usize = widths.iter().sum();
        widths[s] += room.saturating_sub(used);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_room_each_column_is_as_wide_as_its_text_and_the_rest_stretches_one() {
        assert_eq!(
            share(&[4, 22, 10], &[4, 16, 8], 60, Some(2)),
            vec![4, 22, 32]
        );
        assert_eq!(share(&[4, 22, 10], &[4, 16, 8], 60, None), vec![4, 22, 10]);
    }

    #[test]
    fn short_of_room_the_widest_gives_up_cells_first_down_to_its_floor() {
        // 40 cells of text and 2 of spacing in 34: the 22-cell name loses the 8.
        assert_eq!(share(&[8, 22, 10], &[8, 12, 8], 34, None), vec![8, 14, 10]);
        // Then the others, never below their floors.
        assert_eq!(share(&[8, 22, 10], &[8, 12, 8], 20, None), vec![8, 12, 8]);
    }
}
