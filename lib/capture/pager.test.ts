// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findNextControl } from './pager';

const doc = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');

describe('findNextControl', () => {
  it.each([
    ['a text button', '<div><button>上一页</button><button data-x="n">下一页</button></div>', 'n'],
    [
      'antd list item with inner button',
      '<ul><li class="ant-pagination-next"><button data-x="n" aria-label="下一页">›</button></li></ul>',
      'n',
    ],
    ['a link', '<a data-x="n" href="#">下一页</a>', 'n'],
    ['an icon with an accessible name', '<span role="button" aria-label="Next Page" data-x="n"></span>', 'n'],
  ])('finds %s', (_n, html, want) => {
    expect(findNextControl(doc(html))?.getAttribute('data-x')).toBe(want);
  });

  it.each([
    ['a disabled button', '<button disabled>下一页</button>'],
    ['aria-disabled', '<button aria-disabled="true">下一页</button>'],
    [
      'a disabled antd item',
      '<li class="ant-pagination-next ant-pagination-disabled"><button>›</button></li>',
    ],
    ['no pager at all', '<table><tr><td>下一页的内容</td></tr></table>'],
  ])('returns null for %s', (_n, html) => {
    expect(findNextControl(doc(html))).toBeNull();
  });
});
