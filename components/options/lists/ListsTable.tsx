import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { t } from '@/lib/i18n/index';
import { formatCount, scopeText } from '@/lib/options/labels';
import type { SuppressionList } from '@/lib/store/schemas';

const ROW_HEIGHT = 36;

/**
 * Every list, one row each, virtualised: a restored backup may hold thousands of lists, and rendering them
 * all blocked the page for seconds. Only the rows in view (and a few around them) are in the DOM.
 */
export function ListsTable({
  lists,
  selectedId,
  onSelect,
}: {
  lists: readonly SuppressionList[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: lists.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();

  // A list chosen from elsewhere (a link to #/lists?list=…) is scrolled into view.
  const selectedIndex = lists.findIndex((l) => l.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    // No tabIndex: every row holds a button, and focusing it scrolls the area.
    <section
      ref={scrollRef}
      aria-label={t('lists_table_label')}
      style={{ maxHeight: '28em', overflow: 'auto' }}
    >
      <table className="ol-list-table" aria-rowcount={lists.length + 1}>
        <caption className="ol-sr">{t('lists_table_label')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lists_col_list')}</th>
            <th scope="col">{t('lists_entries')}</th>
            <th scope="col">{t('lists_blocks')}</th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr className="ol-spacer" style={{ height: padTop }}>
              <td colSpan={3} />
            </tr>
          )}
          {items.map((item) => {
            const l = lists[item.index];
            if (!l) return null;
            return (
              <tr
                key={l.id}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
                className={l.id === selectedId ? 'ol-selected' : undefined}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="ol-link"
                    aria-pressed={l.id === selectedId}
                    onClick={() => onSelect(l.id)}
                  >
                    {l.name}
                  </button>
                  {l.isDefault && <span className="ol-tag">{t('lists_tag_default')}</span>}
                  {l.managed && <span className="ol-tag">{t('lists_tag_team')}</span>}
                </th>
                <td className="ol-num">{formatCount(l.counts.total)}</td>
                <td>{scopeText(l.channels)}</td>
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr className="ol-spacer" style={{ height: padBottom }}>
              <td colSpan={3} />
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
