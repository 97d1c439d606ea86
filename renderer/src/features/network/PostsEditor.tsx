// HQ's list of posts: add, edit, retire and reopen. A retired post stays in the profile
// (old records still name it) but no new device may pick it.
import { useTranslation } from 'react-i18next';
import { getRegion } from '../../../../shared/domain/posts.ts';
import { type ProfilePost } from '../../../../shared/identity/index.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useListEditor } from '../../ui/useListEditor.ts';
import { FormOrAdd } from '../../ui/FormOrAdd.tsx';
import { PostForm } from './PostForm.tsx';
import './network.css';

const codeOf = (post: ProfilePost) => post.code;

export function PostsEditor({
  posts,
  onChange,
}: {
  posts: readonly ProfilePost[];
  onChange: (posts: ProfilePost[]) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const editor = useListEditor(posts, codeOf, onChange);
  const retired = posts.filter((p) => p.retired === true).length;
  const setRetired = (code: string, value: boolean) =>
    onChange(
      posts.map((p) => {
        if (p.code !== code) return p;
        const { retired: _old, ...rest } = p;
        return value ? { ...rest, retired: true } : rest;
      }),
    );

  return (
    <div className="editor">
      <p className="hint" data-testid="posts-summary">
        {t('network.posts.summary', { open: posts.length - retired, retired })}
      </p>
      <FormOrAdd
        editor={editor}
        addLabel={t('network.posts.add')}
        form={(post, takenCodes) => (
          <PostForm
            post={post}
            takenCodes={takenCodes}
            onSave={editor.save}
            onCancel={editor.close}
          />
        )}
      />
      <div className="table-scroll">
        <table className="editor-table">
          <caption className="visually-hidden">{t('network.posts.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('network.posts.code')}</th>
              <th scope="col">{t('network.posts.post')}</th>
              <th scope="col">{t('network.posts.timeZone')}</th>
              <th scope="col">{t('network.posts.region')}</th>
              <th scope="col">{t('network.posts.status')}</th>
              <th scope="col">{t('network.posts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {posts.map((post) => {
              const name = post.name[lang];
              return (
                <tr key={post.code} className={post.retired ? 'retired' : undefined}>
                  <td>
                    <code>{post.code}</code>
                  </td>
                  <td>{name}</td>
                  <td>{post.timeZone}</td>
                  <td>{getRegion(post.region).name[lang]}</td>
                  <td>
                    {post.retired ? t('network.posts.retired') : t('network.posts.open')}
                    {post.openedOn || post.closedOn ? (
                      <span className="hint">
                        {' '}
                        {[
                          post.openedOn ? t('network.posts.since', { date: post.openedOn }) : '',
                          post.closedOn ? t('network.posts.until', { date: post.closedOn }) : '',
                        ]
                          .filter((part) => part !== '')
                          .join(', ')}
                      </span>
                    ) : null}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      aria-label={t('network.posts.editLabel', { post: name })}
                      onClick={() => editor.edit(post.code)}
                    >
                      {t('network.posts.edit')}
                    </button>
                    <button
                      type="button"
                      aria-label={
                        post.retired
                          ? t('network.posts.restoreLabel', { post: name })
                          : t('network.posts.retireLabel', { post: name })
                      }
                      onClick={() => setRetired(post.code, !post.retired)}
                    >
                      {post.retired ? t('network.posts.restore') : t('network.posts.retire')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
